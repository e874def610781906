/**
 * What tsc with `types: []` and `lib: ["ES2023"]` cannot see: the wall clock and Math.random
 * are part of ECMAScript itself, and a `process` declared by hand would slip past it. This
 * walks one file's syntax tree and reports every use, as errors with file:line:column.
 */
import { parseSync, Visitor, type Expression } from 'oxc-parser';
import type { FlashcrowdError } from '../../server/core/errors.js';
import { lineIndex } from '../source/line-index.js';

type Node = { type: string; start: number; end: number };

const ADVICE: Record<string, string> = {
  'purity.clock': 'take the time as the `now` argument instead',
  'purity.random': 'draw from the seeded rng (server/core/rng.ts) instead',
  'purity.process': 'the shell reads the environment and passes plain data in',
  'purity.node': 'the shell does the I/O and passes plain data in',
};

export function findImpurities(file: string, source: string): FlashcrowdError[] {
  const { program, errors } = parseSync(file, source);
  const at = lineIndex(source);
  if (errors.length > 0) {
    const first = errors[0]!;
    const start = first.labels[0]?.start ?? 0;
    return [{ code: 'purity.syntax', message: `cannot be parsed: ${first.message}`, file, ...at(start) }];
  }
  const found: FlashcrowdError[] = [];
  const report = (node: Node, code: string, what: string): void => {
    found.push({ code, message: `${what}; ${ADVICE[code] ?? ''}`, file, ...at(node.start) });
  };
  // property names and object keys spelt `process` are not the global
  const notGlobal = new Set<Node>();

  new Visitor({
    MemberExpression(node) {
      if (!node.computed) notGlobal.add(node.property);
      const object = node.object.type === 'Identifier' ? node.object.name : null;
      const property = node.computed ? null : node.property.name;
      if (object === 'Date' && property === 'now') report(node, 'purity.clock', 'Date.now() reads the wall clock');
      if (object === 'Math' && property === 'random') report(node, 'purity.random', 'Math.random is not seeded, so runs cannot be replayed');
      if (object === 'globalThis' && property === 'process') report(node, 'purity.process', 'process belongs to Node');
    },
    NewExpression(node) {
      if (isDate(node.callee) && node.arguments.length === 0) report(node, 'purity.clock', 'new Date() without arguments reads the wall clock');
    },
    CallExpression(node) {
      if (isDate(node.callee)) report(node, 'purity.clock', 'Date() called as a function reads the wall clock');
    },
    Property(node) {
      if (!node.computed && !node.shorthand) notGlobal.add(node.key);
    },
    PropertyDefinition(node) {
      if (!node.computed) notGlobal.add(node.key);
    },
    MethodDefinition(node) {
      if (!node.computed) notGlobal.add(node.key);
    },
    TSPropertySignature(node) {
      if (!node.computed) notGlobal.add(node.key);
    },
    TSMethodSignature(node) {
      if (!node.computed) notGlobal.add(node.key);
    },
    Identifier(node) {
      if (node.name === 'process' && !notGlobal.has(node)) report(node, 'purity.process', 'process belongs to Node');
    },
    ImportDeclaration(node) {
      if (node.source.value.startsWith('node:')) report(node, 'purity.node', `importing ${node.source.value} brings Node into the core`);
    },
  }).visit(program);
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function isDate(node: Expression): boolean {
  return node.type === 'Identifier' && node.name === 'Date';
}
