import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INPUT_LIMITS, readInputFile, readInputFileSync } from './read-input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'fc-input-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const both = async (path: string) => {
  const sync = readInputFileSync(path, 'plan');
  expect(await readInputFile(path, 'plan')).toEqual(sync);
  return sync;
};

describe('reading a file a user named', () => {
  test('a regular file up to the cap is read whole, as UTF-8', async () => {
    expect(await both(file('ok.yaml', 'name: 访问量\n'))).toEqual({ ok: true, value: 'name: 访问量\n' });
    const atCap = 'x'.repeat(INPUT_LIMITS.plan);
    expect(await both(file('cap.yaml', atCap))).toEqual({ ok: true, value: atCap });
  });

  test('one byte over the cap is refused', async () => {
    const path = file('over.yaml', 'x'.repeat(INPUT_LIMITS.plan + 1));
    expect(await both(path)).toEqual({ ok: false, errors: [{ code: 'plan.too-large', file: path, message: 'the plan file is larger than 1 MiB, the most a plan file may be' }] });
  });

  test('devices, directories and FIFOs are refused without reading (a FIFO without a writer does not hang)', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [path, what] of [['/dev/zero', 'a device'], [dir, 'a directory'], [fifo, 'a pipe (FIFO)']] as const) {
      expect(await both(path)).toEqual({ ok: false, errors: [{ code: 'plan.read', file: path, message: `the plan file is ${what}; give the path of a regular file` }] });
    }
  });

  test('a missing file says so', async () => {
    const path = join(dir, 'missing.yaml');
    expect(await both(path)).toEqual({ ok: false, errors: [{ code: 'plan.read', file: path, message: `cannot read the plan file "${path}": it does not exist; check the path and permissions` }] });
  });

  test.runIf(existsSync('/proc/self/status'))('a regular file whose size fstat does not know (procfs) is still read to its end', async () => {
    const read = readInputFileSync('/proc/self/status', 'plan');
    expect(read.ok && read.value.includes('Pid:')).toBe(true);
  });
});
