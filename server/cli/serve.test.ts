import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INPUT_LIMITS } from '../files/read-input-file.js';
import type { CliIo } from './io.js';
import { runServe } from './serve.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('flashcrowd serve refuses bad input before it listens', () => {
  test('a bad flag value and an unknown flag are reported with their source', async () => {
    const io = capture();
    expect(await runServe(['--port', '80a', '--prot', '1'], io)).toBe(1);
    expect(io.stderr).toContain('--port: expected a port number 0-65535, got "80a"');
    expect(io.stderr.join('\n')).toContain('--prot: unknown flag; did you mean --port?');
  });

  test('a plan that does not validate is reported with file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-serve-'));
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, 'name: broken\nservices:\n  chat:\n    capacity:\n      rpsPerServer: fast\n');
    const io = capture();
    expect(await runServe(['--plan', plan, '--data-dir', dir], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(new RegExp(`${plan}:5:\\d+: services\\.chat\\.capacity\\.rpsPerServer`));
  });

  test('a data folder holding something that is not a database is an error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-serve-'));
    writeFileSync(join(dir, 'flashcrowd.db'), 'not a database at all, not even close to one');
    const io = capture();
    expect(await runServe(['--data-dir', dir, '--port', '0'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`${join(dir, 'flashcrowd.db')}: cannot open the database`);
  });

  test('a PostgreSQL store that cannot be reached is an error naming the setting, never the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-serve-'));
    const io = capture();
    const saved = process.env.FLASHCROWD_DATABASE_URL;
    process.env.FLASHCROWD_DATABASE_URL = 'postgres://flashcrowd:s3cret-pw@127.0.0.1:1/flashcrowd';
    try {
      expect(await runServe(['--data-dir', dir, '--port', '0'], io)).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.FLASHCROWD_DATABASE_URL;
      else process.env.FLASHCROWD_DATABASE_URL = saved;
    }
    const text = io.stderr.join('\n');
    expect(text).toContain('FLASHCROWD_DATABASE_URL: cannot open the database');
    expect(text).not.toContain('s3cret-pw');
  });

  test('--help lists every setting with its environment variable', async () => {
    const io = capture();
    expect(await runServe(['--help'], io)).toBe(0);
    for (const name of ['--port', 'FLASHCROWD_PORT', '--data-dir', 'FLASHCROWD_ADMIN_TOKEN', '--plan']) expect(io.stdout.join('\n')).toContain(name);
  });

  test('a config file that is special, too large, an alias or out of range is refused before anything starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-serve-'));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `host: ${'x'.repeat(INPUT_LIMITS.config)}\n`);
    const alias = join(dir, 'alias.yaml');
    writeFileSync(alias, 'a: &a 8080\nport: *a\n');
    const range = join(dir, 'range.yaml');
    writeFileSync(range, 'ingest:\n  jsonBodyLimit: 1e300\n');
    const refusal = async (file: string) => {
      const io = capture();
      expect(await runServe(['--config', file, '--data-dir', dir], io)).toBe(1);
      return io.stderr;
    };
    expect(await refusal('/dev/zero')).toEqual(['/dev/zero: the config file is a device; give the path of a regular file']);
    expect(await refusal(fifo)).toEqual([`${fifo}: the config file is a pipe (FIFO); give the path of a regular file`]);
    expect(await refusal(dir)).toEqual([`${dir}: the config file is a directory; give the path of a regular file`]);
    expect(await refusal(big)).toEqual([`${big}: the config file is larger than 1 MiB, the most a config file may be`]);
    expect(await refusal(alias)).toEqual([`${alias}:2:7: aliases (*a) are not allowed in a config file; write the value out`]);
    expect(await refusal(range)).toEqual([`${range}:2:18: ingest.jsonBodyLimit: expected a size in bytes, 1024 to 67108864 (64 MiB), got 1e+300`]);
  });

  test('--version prints the version', async () => {
    const io = capture();
    expect(await runServe(['--version'], io)).toBe(0);
    expect(io.stdout).toEqual([expect.stringMatching(/^flashcrowd \d+\.\d+\.\d+$/)]);
  });
});
