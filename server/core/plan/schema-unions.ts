/**
 * Ajv reports a failed anyOf as the anyOf error plus every branch's errors, which reads as
 * noise ("must be number", "must match pattern", "must match a schema in anyOf"). When
 * exactly one branch accepts the value's JSON type, that branch's errors are the real
 * story and are kept; otherwise the whole cascade becomes a single 'union' error.
 */
import type { ErrorObject } from 'ajv';

function branchIndex(error: ErrorObject, union: ErrorObject): number | undefined {
  // schema paths repeat across map entries and list items, so the instance must match too
  const sameInstance = error.instancePath === union.instancePath || error.instancePath.startsWith(`${union.instancePath}/`);
  const prefix = `${union.schemaPath}/`;
  if (!sameInstance || !error.schemaPath.startsWith(prefix)) return undefined;
  const index = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
  return Number.isInteger(index) ? index : undefined;
}

function branchCount(union: ErrorObject): number {
  return Array.isArray(union.schema) ? union.schema.length : 0;
}

function isTypeMismatch(error: ErrorObject, union: ErrorObject, branch: number): boolean {
  return error.keyword === 'type'
    && error.instancePath === union.instancePath
    && error.schemaPath === `${union.schemaPath}/${branch}/type`;
}

function collapseOne(errors: ErrorObject[], union: ErrorObject): ErrorObject[] {
  const inUnion = (e: ErrorObject) => e === union || branchIndex(e, union) !== undefined;
  const compatible: number[] = [];
  for (let branch = 0; branch < branchCount(union); branch++) {
    if (!errors.some((e) => branchIndex(e, union) === branch && isTypeMismatch(e, union, branch))) compatible.push(branch);
  }
  const [only] = compatible;
  if (compatible.length === 1 && only !== undefined) {
    return errors.filter((e) => !inUnion(e) || branchIndex(e, union) === only);
  }
  const replacement: ErrorObject = { ...union, keyword: 'union' };
  return errors.flatMap((e) => (e === union ? [replacement] : inUnion(e) ? [] : [e]));
}

/** The errors with every anyOf/oneOf cascade reduced, outermost union first. */
export function collapseUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  let remaining = [...errors];
  const unions = remaining
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (remaining.includes(union)) remaining = collapseOne(remaining, union);
  }
  return remaining;
}
