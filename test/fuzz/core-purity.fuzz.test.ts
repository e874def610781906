/**
 * The purity check reads whatever lands in server/core: any text gives findings as values
 * (never a throw), and a forbidden call hidden among harmless statements is always found,
 * at its own line.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findImpurities } from '../../tools/core-purity/find-impurities.js';
import { cases } from './fuzz-run.js';


const HARMLESS = [
  'const a = new Date(0);',
  "const b = Date.parse('2020-02-03T09:00:00Z');",
  'const c = { process: 1, now: 2, random: 3 };',
  'const d = Math.max(1, 2);',
  "// Date.now() and process in a comment",
  "const e = 'Math.random()';",
  'function f(now: number): number { return now + 1; }',
  'interface G { process: number }',
];
const FORBIDDEN: [string, string][] = [
  ['const t = Date.now();', 'purity.clock'],
  ['const t = new Date();', 'purity.clock'],
  ['const r = Math.random();', 'purity.random'],
  ['const env = process.env;', 'purity.process'],
  ["import { readFile } from 'node:fs';", 'purity.node'],
];

describe('findImpurities under fuzzing', () => {
  test('any text: findings are values with a place, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const found = findImpurities('x.ts', text);
        for (const f of found) {
          expect(f.file).toBe('x.ts');
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      cases(300),
    );
  });

  test('a forbidden statement among harmless ones is found at its line, and nothing else is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...HARMLESS), { maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...FORBIDDEN),
        (lines, at, [bad, code]) => {
          const index = lines.length === 0 ? 0 : at % (lines.length + 1);
          const source = [...lines.slice(0, index), bad, ...lines.slice(index)].join('\n');
          const found = findImpurities('x.ts', source);
          expect(found.map((f) => [f.code, f.line])).toEqual([[code, index + 1]]);
        },
      ),
      cases(200),
    );
  });
});
