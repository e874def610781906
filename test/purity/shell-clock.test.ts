/**
 * One clock for the shell: outside the core (which takes `now` as an argument), the CLI
 * (the process edge, where the real clock is made) and the clock module itself, no source
 * file reads the wall clock; it asks the Clock it was handed. Found on the syntax tree, so a
 * comment or a string that mentions Date.now() is no finding, and `Date.now` passed along
 * uncalled is one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findImpurities } from '../../tools/core-purity/find-impurities.js';

const SERVER = resolve(import.meta.dirname, '../../server');

/** where the wall clock may be read, relative to server/ */
const ALLOWED = ['core/', 'cli/', 'clock/clock.ts'];

async function shellSources(): Promise<string[]> {
  const entries = await readdir(SERVER, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(SERVER, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => !ALLOWED.some((allowed) => file === allowed || (allowed.endsWith('/') && file.startsWith(allowed))))
    .sort();
}

async function wallClockReads(files: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    const source = await readFile(join(SERVER, file), 'utf8');
    for (const e of findImpurities(file, source)) {
      if (e.code === 'purity.clock') found.push(`server/${file}:${e.line}:${e.column} ${e.message}`);
    }
  }
  return found;
}

describe('the shell reads time only from its Clock', () => {
  test('no source file outside core, cli and the clock module reads the wall clock', async () => {
    const files = await shellSources();
    // the walk must see the shell, or an empty list would pass for a clean one
    expect(files).toEqual(expect.arrayContaining(['http/app.ts', 'drills/drill-service.ts', 'webhooks/deliverer.ts']));
    expect(await wallClockReads(files)).toEqual([]);
  });

  test('the check finds each way of reading the wall clock', () => {
    const reads = ['const a = Date.now();', 'const b = new Date().toISOString();', 'const c = options.now ?? Date.now;', 'const d = Date();'];
    for (const source of reads) {
      expect(findImpurities('x.ts', source).filter((e) => e.code === 'purity.clock'), source).toHaveLength(1);
    }
    expect(findImpurities('x.ts', 'const e = new Date(clock.now()); // not Date.now()').filter((e) => e.code === 'purity.clock')).toEqual([]);
  });
});
