/**
 * The dashboard shares the server's contracts as types only: a value imported from server/
 * would bundle server code into the page and let the two drift apart unseen. This reports
 * every import, re-export or dynamic import of a file under server/ that is not `import type`
 * or `export type`. `import { type A }` counts as a value import: with verbatimModuleSyntax
 * it stays in the output as `import '…'` and loads the module.
 */
import { dirname, posix } from 'node:path';
import { parseSync, Visitor } from 'oxc-parser';
import type { FlashcrowdError } from '../../server/core/errors.js';
import { lineIndex } from '../source/line-index.js';

const ADVICE =
  'write `import type` (or `export type`); for a value, take it from the API or restate it in the dashboard checked against the server type (dashboard/src/shared/every-member.ts)';

/** `file` is relative to the repository root, as is `serverDir` */
export function findValueImports(file: string, source: string, serverDir = 'server'): FlashcrowdError[] {
  const { program, errors } = parseSync(file, source);
  const at = lineIndex(source);
  if (errors.length > 0) {
    const first = errors[0]!;
    return [{ code: 'boundary.syntax', message: `cannot be parsed: ${first.message}`, file, ...at(first.labels[0]?.start ?? 0) }];
  }
  const intoServer = (specifier: string): boolean => {
    if (!specifier.startsWith('.')) return false;
    const target = posix.normalize(posix.join(dirname(file).replaceAll('\\', '/'), specifier));
    return target === serverDir || target.startsWith(`${serverDir}/`);
  };
  const found: FlashcrowdError[] = [];
  const report = (start: number, specifier: string, how: string): void => {
    found.push({ code: 'boundary.value-import', message: `${how} ${specifier} brings server code into the dashboard; ${ADVICE}`, file, ...at(start) });
  };

  new Visitor({
    ImportDeclaration(node) {
      if (node.importKind !== 'type' && intoServer(node.source.value)) report(node.start, node.source.value, 'importing values from');
    },
    ExportNamedDeclaration(node) {
      if (node.source && node.exportKind !== 'type' && intoServer(node.source.value)) report(node.start, node.source.value, 're-exporting values from');
    },
    ExportAllDeclaration(node) {
      if (node.exportKind !== 'type' && intoServer(node.source.value)) report(node.start, node.source.value, 're-exporting values from');
    },
    ImportExpression(node) {
      const specifier = node.source.type === 'Literal' && typeof node.source.value === 'string' ? node.source.value : null;
      if (specifier !== null && intoServer(specifier)) report(node.start, specifier, 'loading');
    },
  }).visit(program);
  return found;
}
