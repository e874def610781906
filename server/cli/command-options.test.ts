import { describe, expect, test } from 'vitest';
import { parseCommand, parseSubcommand } from './command-options.js';
import type { CliIo } from './io.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const BACKUP = { command: 'backup', usage: 'usage: backup', options: { out: { type: 'string' } }, required: { out: 'expected the file' } } as const;

describe('parseCommand', () => {
  test('gives the values, the required strings and the data folder', () => {
    const parsed = parseCommand(['--out', 'b.db', '--data-dir', 'd'], capture(), BACKUP);
    expect(parsed).toMatchObject({ exit: null, required: { out: 'b.db' }, dataDir: 'd' });
  });

  test.each([
    [['--help'], 0, 'out', 'usage: backup'],
    [['--nope'], 2, 'err', "flashcrowd backup: Unknown option '--nope'"],
    [[], 2, 'err', 'flashcrowd backup: --out: expected the file'],
    [['--out', ''], 2, 'err', 'flashcrowd backup: --out: expected the file'],
  ] as const)('%j ends with %i and says so', (args, exit, stream, first) => {
    const io = capture();
    expect(parseCommand([...args], io, BACKUP)).toEqual({ exit });
    expect((stream === 'out' ? io.stdout : io.stderr)[0]).toContain(first);
  });
});

describe('parseSubcommand', () => {
  const TOKEN = { command: 'token', subcommand: 'create', usage: 'usage: token', options: { role: { type: 'string' } } } as const;

  test('checks the subcommand, then parses its options under its full name', () => {
    const io = capture();
    expect(parseSubcommand(['create', '--role', 'admin'], io, TOKEN)).toMatchObject({ exit: null, values: { role: 'admin' } });
    expect(parseSubcommand(['create', '--bad'], io, TOKEN)).toEqual({ exit: 2 });
    expect(io.stderr[0]).toContain('flashcrowd token create:');
  });

  test.each([
    [['help'], 0],
    [['-h'], 0],
    [['delete'], 2],
    [[], 2],
  ] as const)('%j ends with %i', (args, exit) => {
    expect(parseSubcommand([...args], capture(), TOKEN)).toEqual({ exit });
  });
});
