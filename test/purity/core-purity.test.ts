/**
 * The core's purity is enforced by the build (`npm run check:core`): the compiler without
 * Node or DOM types, then the syntax check for the clock, Math.random and process. These
 * tests prove both halves refuse a bad file and accept the real core.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findImpurities } from '../../tools/core-purity/find-impurities.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');

/** exit code and output of a command that may fail */
async function attempt(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('findImpurities', () => {
  test.each([
    ['export const t = Date.now();', 'purity.clock', 1, 18],
    ['export const t = new Date();', 'purity.clock', 1, 18],
    ['export const t = Date();', 'purity.clock', 1, 18],
    ['export const r = Math.random();', 'purity.random', 1, 18],
    ['const pick = Math.random;\nexport default pick;', 'purity.random', 1, 14],
    ['export const e = process.env.HOME;', 'purity.process', 1, 18],
    ['export const e = globalThis.process;', 'purity.process', 1, 18],
    ["import { readFileSync } from 'node:fs';\nexport default readFileSync;", 'purity.node', 1, 1],
  ])('%j is refused as %s at %i:%i', (source, code, line, column) => {
    const found = findImpurities('core/x.ts', source);
    expect(found).toEqual([expect.objectContaining({ code, file: 'core/x.ts', line, column })]);
    expect(found[0]?.message).toMatch(/instead|passes plain data in/);
  });

  test.each([
    'export const t = new Date(0).toISOString();',
    "export const t = Date.parse('2020-02-03T09:00:00Z');",
    'export const o = { process: 1, now: 2, random: 3 };',
    'export interface Job { process: number; now(): number }',
    'export class Job { process = 1; run() { return this.process; } }',
    "// Date.now() in a comment\nexport const s = 'Math.random and process in a string';",
  ])('%j passes', (source) => {
    expect(findImpurities('core/x.ts', source)).toEqual([]);
  });

  test('a file that does not parse is an error with its place, not a crash', () => {
    const [e] = findImpurities('core/x.ts', 'export const = ;');
    expect(e).toMatchObject({ code: 'purity.syntax', file: 'core/x.ts', line: 1 });
  });
});

describe('the build refuses an impure core', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flashcrowd-purity-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the purity check fails on a bad file and names each place', async () => {
    await writeFile(join(dir, 'bad.ts'), 'export const started = Date.now();\nexport const jitter = Math.random();\n');
    await writeFile(join(dir, 'bad.test.ts'), 'export const testsMayUseTheClock = Date.now();\n');
    const { code, output } = await attempt(join(BIN, 'tsx'), ['tools/core-purity/check.ts', dir]);
    expect(code).toBe(1);
    expect(output).toContain('bad.ts:1:24: Date.now() reads the wall clock');
    expect(output).toContain('bad.ts:2:23: Math.random is not seeded');
    expect(output).not.toContain('bad.test.ts');
  });

  test('the core compiler settings refuse node: imports and timers', async () => {
    await writeFile(join(dir, 'io.ts'), "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const later = setTimeout;\n");
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.core.json'), include: ['io.ts'], exclude: [] }));
    const { code, output } = await attempt(join(BIN, 'tsc'), ['-p', join(dir, 'tsconfig.json')]);
    expect(code).not.toBe(0);
    expect(output).toMatch(/io\.ts\(1,\d+\): error TS\d+: Cannot find name 'node:fs'/);
    expect(output).not.toContain('TS1287');
    expect(output).toMatch(/io\.ts\(3,22\): error TS2304: Cannot find name 'setTimeout'/);
  });

  test('the real core passes both', async () => {
    expect(await attempt(join(BIN, 'tsc'), ['-p', 'tsconfig.core.json'])).toEqual({ code: 0, output: '' });
    expect(await attempt(join(BIN, 'tsx'), ['tools/core-purity/check.ts', 'server/core'])).toEqual({ code: 0, output: '' });
  });
});
