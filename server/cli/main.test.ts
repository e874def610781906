import { describe, expect, test } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), isTty: false };
}

async function run(args: string[]) {
  const io = capture();
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('flashcrowd help and version', () => {
  test('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: expect.stringMatching(/^flashcrowd \d+\.\d+\.\d+$/), err: '' });
    expect((await run(['serve', '--version'])).out).toMatch(/^flashcrowd \d+\.\d+\.\d+$/);
  });

  test('help, --help and -h list the commands on stdout and exit 0', async () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const { code, out, err } = await run(args);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      for (const command of ['serve', 'replay', 'validate', 'token', 'help']) expect(out).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(out).toContain("read in the scenario's time zone");
    }
  });

  test.each([
    ['replay', ['--scenario', '--plan', '--policy', '--from', '--to', '--json', '--report', '--service']],
    ['validate', ['--help, -h', '--']],
    ['token', ['--role', '--name', '--data-dir']],
    ['serve', ['--port', '--host', '--plan', '--config', '--version']],
  ])('%s --help and flashcrowd help %s list every option, one line each', async (command, options) => {
    const viaFlag = await run([command, '--help']);
    const viaHelp = await run(['help', command]);
    expect(viaFlag).toMatchObject({ code: 0, err: '' });
    expect(viaHelp).toEqual(viaFlag);
    for (const option of options) expect(viaFlag.out).toMatch(new RegExp(`^\\s*${option.replace(/[-,]/g, '\\$&')}\\s`, 'm'));
    expect(viaFlag.out).toMatch(/exit status/);
  });

  test('no command or an unknown one is a usage error on stderr, exit 2', async () => {
    expect(await run([])).toMatchObject({ code: 2, out: '' });
    const unknown = await run(['replya']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^flashcrowd: unknown command "replya"/);
    expect(await run(['help', 'nope'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "nope"') });
    expect(await run(['help', '__proto__'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "__proto__"') });
  });
});
