/**
 * YAML text with its node positions kept, so every error can point at the line and column
 * of the value (or key) it is about.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { FlashcrowdError } from '../errors.js';
import { YAML_TOO_DEEP_MESSAGE, yamlTooDeepAt } from './yaml-depth.js';
import { COLLECTION_KEY_MESSAGE, collectionKeyOffset } from './yaml-keys.js';

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  /** the document as plain data */
  data: unknown;
  /** where `path` is: its value node, or with `key: true` its key; for a missing path, the deepest existing ancestor */
  locate(path: FieldPath, options?: { key?: boolean }): Position;
  /** whether `path` is written in the document */
  has(path: FieldPath): boolean;
}

/** 'services.messaging.triggers[0].when', the form errors name fields in. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>((name, segment) =>
    typeof segment === 'number' ? `${name}[${segment}]` : name === '' ? segment : `${name}.${segment}`, '');
}

interface Step {
  key: Node | null;
  value: Node | null;
}

function child(doc: Document, node: Node | null, segment: string | number): Step | undefined {
  const target = node && isAlias(node) ? (node.resolve(doc) ?? null) : node;
  if (isSeq(target) && typeof segment === 'number') {
    const item = target.items[segment];
    return item === undefined ? undefined : { key: null, value: item as Node };
  }
  if (isMap(target)) {
    const pair = target.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
    if (!pair) return undefined;
    return { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
  }
  return undefined;
}

function walk(doc: Document, path: FieldPath): { steps: Step[]; complete: boolean } {
  const steps: Step[] = [{ key: null, value: doc.contents as Node | null }];
  for (const segment of path) {
    const next = child(doc, steps[steps.length - 1]?.value ?? null, segment);
    if (!next) return { steps, complete: false };
    steps.push(next);
  }
  return { steps, complete: true };
}

function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** Parses YAML keeping node ranges; syntax errors come back as plan.yaml errors. */
export function readYaml(text: string, file: string): { source: YamlSource } | { errors: FlashcrowdError[] } {
  const tooDeep = yamlTooDeepAt(text);
  if (tooDeep) return { errors: [{ code: 'plan.yaml', message: `YAML ${YAML_TOO_DEEP_MESSAGE}`, file, ...tooDeep }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        code: 'plan.yaml',
        message: `YAML syntax error: ${e.message.split('\n')[0] ?? e.code}`,
        file,
        ...toPosition(e.pos[0]),
      })),
    };
  }
  const collectionKey = collectionKeyOffset(doc);
  if (collectionKey !== null) return { errors: [{ code: 'plan.yaml', message: COLLECTION_KEY_MESSAGE, file, ...toPosition(collectionKey) }] };
  const locate = (path: FieldPath, options: { key?: boolean } = {}): Position => {
    const { steps, complete } = walk(doc, path);
    const last = steps[steps.length - 1];
    const offset = complete && options.key
      ? startOf(last?.key) ?? startOf(last?.value)
      : startOf(last?.value) ?? startOf(last?.key);
    return offset === undefined ? { line: 1, column: 1 } : toPosition(offset);
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // the yaml library throws (a ReferenceError) when aliases expand past the cap: an alias bomb
    return {
      errors: [{
        code: 'plan.yaml',
        message: `aliases (*name) expand to too many nodes (at most ${MAX_ALIAS_COUNT}); write the repeated parts out or use fewer aliases${e instanceof ReferenceError ? '' : ` (${String(e)})`}`,
        file,
        ...toPosition(firstAliasOffset(doc)),
      }],
    };
  }
  return {
    source: { file, data, locate, has: (path) => walk(doc, path).complete },
  };
}

/** Aliases expanded in all, counting nested expansions; a plan needs a handful. */
export const MAX_ALIAS_COUNT = 1000;

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias: (_key, node) => {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
