/**
 * The dashboard imports server code as types only, enforced by the build
 * (`npm run check:dashboard`). These tests prove the check refuses each way a value can slip
 * in, lets types through, and passes the real dashboard.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { findValueImports } from '../../tools/dashboard-imports/find-value-imports.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FILE = 'dashboard/src/live/x.ts';

async function check(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['tools/dashboard-imports/check.ts', dir], { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('findValueImports', () => {
  test.each([
    ["import { LIVE_HISTORY_TICKS } from '../../../server/contracts.js';", 1, 1],
    ["import { type Tick } from '../../../server/contracts.js';", 1, 1],
    ["import '../../../server/contracts.js';", 1, 1],
    ["import * as contracts from '../../../server/contracts.js';\nexport default contracts;", 1, 1],
    ["export { componentStatus } from '../../../server/status/levels.js';", 1, 1],
    ["export * from '../../../server/contracts.js';", 1, 1],
    ["export const load = () => import('../../../server/status/levels.js');", 1, 27],
    ["// a comment\nimport { x } from '../../../server';", 2, 1],
  ])('%j is refused at %i:%i', (source, line, column) => {
    const found = findValueImports(FILE, source);
    expect(found).toEqual([expect.objectContaining({ code: 'boundary.value-import', file: FILE, line, column })]);
    expect(found[0]?.message).toMatch(/import type/);
  });

  test.each([
    "import type { Tick } from '../../../server/contracts.js';",
    "export type { Tick } from '../../../server/contracts.js';",
    "export type * from '../../../server/contracts.js';",
    "type L = typeof import('../../../server/contracts.js').LIVE_HISTORY_TICKS;\nexport const n: L = 720;",
    "import { el } from '../shared/dom.js';\nexport default el;",
    "import { io } from 'socket.io-client';\nexport default io;",
    "import { x } from '../../../serverless/x.js';\nexport default x;",
  ])('%j passes', (source) => {
    expect(findValueImports(FILE, source)).toEqual([]);
  });

  test('a file that does not parse is an error with its place, not a crash', () => {
    expect(findValueImports(FILE, 'import {')).toEqual([expect.objectContaining({ code: 'boundary.syntax', file: FILE, line: 1 })]);
  });
});

describe('the build check', () => {
  test('fails on a file that imports a server value, naming the file and line', async () => {
    const { code, output } = await check('test/purity/fixtures/dashboard-value-import');
    expect(code).toBe(1);
    expect(output).toContain('test/purity/fixtures/dashboard-value-import/live-bound.ts:2:1: importing values from ../../../../server/contracts.js');
    expect(output).not.toContain(':3:1');
  });

  test('passes the dashboard as it is', async () => {
    expect(await check('dashboard')).toEqual({ code: 0, output: '' });
  });
});
