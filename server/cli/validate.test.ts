import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
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
    expect(err).toEqual(['/nonexistent.yaml: cannot read the plan file "/nonexistent.yaml"; check the path and permissions']);
  });

  test('no file prints usage and exits 2', async () => {
    const { status, out, err } = await run([]);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe('usage: flashcrowd validate FILE...');
  });
});
