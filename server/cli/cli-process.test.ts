/** The real bin as a child process, for what only a process shows: pipes, exit codes, stderr. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function run(args: string[], opts: { closeStdout?: boolean; cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(`${REPO}dist/server/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` first');
  const child = spawn(process.execPath, [`${REPO}bin/flashcrowd.js`, ...args], { cwd: opts.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // closed before the child writes anything, so its first write meets a closed pipe, as after `| head -0`
  if (opts.closeStdout) child.stdout.destroy();
  else child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

test('a reader that closes the pipe early ends the replay quietly with status 0', async () => {
  const result = await run(['replay', '--scenario', 'feb3', '--from', '2020-02-03T07:00', '--to', '2020-02-03T08:00'], { closeStdout: true });
  expect(result.stderr).not.toMatch(/EPIPE|at .*\.js/);
  expect(result.code).toBe(0);
});

test('--version and a bad file through the real bin: the version, then one error line and status 1', async () => {
  const version = await run(['--version']);
  expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^flashcrowd \d+\.\d+\.\d+\n$/) });
  const zero = await run(['serve', '--config', '/dev/zero']);
  expect(zero).toEqual({ code: 1, stdout: '', stderr: '/dev/zero: the config file is a device; give the path of a regular file\n' });
});

test('a file named like a bundled scenario in the working folder does not shadow it; ./NAME reads the file', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'fc-cwd-'));
  writeFileSync(join(cwd, 'feb3'), 'not a scenario');
  const range = ['--from', '2020-02-03T07:00', '--to', '2020-02-03T07:30'];
  const bundled = await run(['replay', '--scenario', 'feb3', ...range], { cwd });
  expect(bundled).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^feb3 under plan/) });
  const file = await run(['replay', '--scenario', './feb3', ...range], { cwd });
  expect(file.code).toBe(1);
  expect(file.stderr).toMatch(/^\/.*\/feb3:1:\d+: not valid JSON/);
});
