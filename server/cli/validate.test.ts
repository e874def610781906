import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { INPUT_LIMITS } from '../files/read-input-file.js';
import { runValidate } from './validate.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const defaultPlan = path('../../scenarios/plans/default.yaml');
const examplePlan = path('../../scenarios/plans/example.yaml');
const broken = path('../core/plan/fixtures/broken.yaml');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runValidate(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out, err };
}

describe('flashcrowd validate', () => {
  test('valid plans print ok with their services and exit 0', async () => {
    expect(await run([defaultPlan, examplePlan])).toEqual({
      status: 0,
      out: [`${defaultPlan}: ok (3 services: messaging, meetings, docs)`, `${examplePlan}: ok (1 service: meetings)`],
      err: [],
    });
  });

  test('a broken plan prints every error as file:line:column: field: message and exits 1', async () => {
    expect(await run([broken])).toEqual({
      status: 1,
      out: [],
      err: [
        `${broken}:7:7: services.api.capacity.rpsPerServe: unknown key "rpsPerServe"; did you mean "rpsPerServer"? (allowed keys: rpsPerServer, targetUtilization, baseLatencyMs, sloLatencyMs, minServers, maxServers, initialServers)`,
        `${broken}:10:14: services.api.standby.start: expected a duration like "90s", "5m", "1h" or "250ms", or a number of seconds, got "soon"`,
      ],
    });
  });

  test('one bad file among good ones still exits 1 and reports the good ones', async () => {
    const { status, out, err } = await run([defaultPlan, '/nonexistent.yaml']);
    expect(status).toBe(1);
    expect(out).toHaveLength(1);
    expect(err).toEqual(['/nonexistent.yaml: cannot read the plan file "/nonexistent.yaml": it does not exist; check the path and permissions']);
  });

  test('no file prints usage and exits 2', async () => {
    const { status, out, err } = await run([]);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe('flashcrowd validate: name at least one plan file');
    expect(err[1]).toMatch(/^usage: flashcrowd validate/);
  });

  test('--help prints the options on stdout and exits 0', async () => {
    const { status, out, err } = await run(['--help']);
    expect({ status, err }).toEqual({ status: 0, err: [] });
    expect(out.join('\n')).toMatch(/--help, -h {2}show this help/);
  });

  test('a cause in one language only is a warning naming file:line and field, and still exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-validate-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'name: t\nservices:\n  chat:\n    capacity: { rpsPerServer: 100, maxServers: 10 }\n    notices:\n      cause:\n        en: the first working day after the holiday\n');
    const { status, out, err } = await run([file]);
    expect(status).toBe(0);
    expect(out).toEqual([`${file}: ok (1 service: chat)`]);
    expect(err).toEqual([`${file}:6:7: services.chat.notices.cause.zh-CN: warning: service "chat" names its cause in en but not in zh-CN, so zh-CN notices will say "访问量异常激增" instead; add zh-CN: under notices.cause`]);
  });

  test('special and oversized files are refused before they are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-validate-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `name: ${'x'.repeat(INPUT_LIMITS.plan)}\n`);
    const { status, err } = await run(['/dev/zero', dir, big]);
    expect(status).toBe(1);
    expect(err).toEqual([
      '/dev/zero: the plan file is a device; give the path of a regular file',
      `${dir}: the plan file is a directory; give the path of a regular file`,
      `${big}: the plan file is larger than 1 MiB, the most a plan file may be`,
    ]);
  });

  test('a list or a mapping as a key is a plan error at the key, with no warning from the YAML library on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-validate-'));
    const written = { flow: 'name: t\n{a: 1}: x\n', explicit: 'name: t\n? [a, b]\n: 1\n', alias: 'name: t\nk: &k [1]\n*k : 2\n' };
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      for (const [name, text] of Object.entries(written)) {
        const file = join(dir, `${name}.yaml`);
        writeFileSync(file, text);
        const { status, err } = await run([file]);
        expect(status, name).toBe(1);
        expect(err, name).toEqual([`${file}:${name === 'alias' ? '3:1' : name === 'flow' ? '2:1' : '2:3'}: a key must be a name, not a list or a mapping; write it as "name: value"`]);
      }
      // process warnings are emitted on a later turn
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  test('a YAML alias bomb is a plan error at the first alias, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-validate-'));
    const file = join(dir, 'bomb.yaml');
    const levels = ['a', 'b', 'c', 'd', 'e', 'f'];
    const lines = levels.map((l, i) => (i === 0 ? `a: &a [${Array(9).fill('"x"').join(',')}]` : `${l}: &${l} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`));
    writeFileSync(file, `name: bomb\n${lines.join('\n')}\n`);
    const { status, err } = await run([file]);
    expect(status).toBe(1);
    expect(err).toEqual([`${file}:3:8: aliases (*name) expand to too many nodes (at most 1000); write the repeated parts out or use fewer aliases`]);
  });
});
