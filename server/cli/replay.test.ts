import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';
import { MAX_SERVICE_TICKS } from './replay-work.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), isTty: false };
}

const MORNING = ['--from', '2020-02-03T07:00:00+08:00', '--to', '2020-02-03T11:00:00+08:00'];

describe('flashcrowd replay', () => {
  test('compares policies with one row per policy and service, and writes JSON and the HTML report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-replay-'));
    const io = capture();
    const code = await main(['replay', '--scenario', 'feb3', '--policy', 'step,none', ...MORNING, '--json', join(dir, 'r.json'), '--report', join(dir, 'r.html')], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const rows = io.stdout.filter((l) => /^(step|none)\s+(messaging|meetings|docs)\s/.test(l));
    expect(rows).toHaveLength(6);
    expect(io.stdout.find((l) => l.startsWith('best policy: '))).toMatch(/^best policy: step: .* \(rule: fewest minutes with users affected/);
    expect(io.stdout.some((l) => /^\s+accU%\s+elasticity/.test(l))).toBe(true);
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { runs: { policy: string; ticks: unknown[]; events: unknown[]; notices: unknown[]; summary: unknown }[] };
    expect(json.runs.map((r) => r.policy)).toEqual(['step', 'none']);
    for (const r of json.runs) expect(Object.keys(r).sort()).toEqual(['events', 'notices', 'policy', 'summary', 'ticks']);
    const html = await readFile(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('id="report-data"');
    expect(html).toContain('new Chart(');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  test('--help explains every summary column and the verdict rule', async () => {
    const io = capture();
    expect(await main(['replay', '--help'], io)).toBe(0);
    const help = io.stdout.join('\n');
    for (const head of ['p95 delay', 'p99 delay', 'on target', 'broken', 'not known', 'changes/h', 'accU%', 'accO%', 'tsU%', 'tsO%', 'instab%', 'jitter/min']) {
      expect(help).toContain(`  ${head}`);
    }
    expect(help).toContain('fewest minutes with users affected, then fewest refused requests, then fewest server-hours');
  });

  test('one policy writes the Replay JSON contract at the top level', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-replay-'));
    const io = capture();
    expect(await main(['replay', '--scenario', 'feb3', ...MORNING, '--json', join(dir, 'r.json')], io)).toBe(0);
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['ticks', 'events', 'notices', 'summary']));
  });

  test('replays a CSV trace for a named service', async () => {
    const io = capture();
    const code = await main(['replay', '--scenario', 'scenarios/traces/feb3-messaging-morning.csv', '--service', 'messaging'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout.some((l) => /^plan\s+messaging\s/.test(l))).toBe(true);
  });

  test('a bad CSV trace is refused with file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-replay-'));
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'timestamp,rps\n2020-02-03T08:00:00+08:00,100\n2020-02-03T08:01:00+08:00,lots\n');
    const io = capture();
    expect(await main(['replay', '--scenario', file, '--service', 'messaging'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`${file}:3:`);
  });

  test('usage errors exit 2 and say what is expected', async () => {
    const io = capture();
    expect(await main(['replay', '--scenario', 'feb3', '--policy', 'fastest'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/unknown policy "fastest".*step, target-tracking, predictive, none/);
    const io2 = capture();
    expect(await main(['replay'], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('--scenario is required');
    const io3 = capture();
    expect(await main(['replay', '--scenario', 'feb3', '--from', 'yesterday'], io3)).toBe(2);
    expect(io3.stderr.join('\n')).toContain('--from: expected an ISO 8601 time');
  });

  test('a missing scenario file is an error naming the file, not a crash', async () => {
    const io = capture();
    expect(await main(['replay', '--scenario', '/nonexistent/trace.csv'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('/nonexistent/trace.csv');
  });

  test('--help and -h print every option on stdout and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const io = capture();
      expect(await main(['replay', flag], io)).toBe(0);
      expect(io.stderr).toEqual([]);
      for (const option of ['--scenario', '--plan', '--policy', '--service', '--from', '--to', '--json', '--report', '--help']) {
        expect(io.stdout.join('\n')).toMatch(new RegExp(`^  ${option} `, 'm'));
      }
    }
  });
});

async function scenarioFile(fields: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fc-replay-'));
  const file = join(dir, 'scenario.json');
  const scenario = { name: 's', timezone: 'Asia/Shanghai', start: '2020-02-03T00:00:00+08:00', stepSeconds: 60, services: { messaging: [100, 200, 300] }, ...fields };
  await writeFile(file, JSON.stringify(scenario, null, 2));
  return file;
}

describe('flashcrowd replay refuses work it cannot do, before starting', () => {
  test.each([
    [1e12, 'stepSeconds must be a number of seconds from 1 to 86400 (one day), not 1000000000000'],
    [0.001, 'stepSeconds must be a number of seconds from 1 to 86400 (one day), not 0.001'],
  ])('stepSeconds %s is out of range: file:line:column: field: message, exit 1', async (stepSeconds, message) => {
    const file = await scenarioFile({ stepSeconds });
    const io = capture();
    expect(await main(['replay', '--scenario', file], io)).toBe(1);
    expect(io.stderr).toEqual([`${file}:5:18: stepSeconds: ${message}`]);
  });

  test('a scenario shorter than one tick replays nothing and says so instead of "0 service-ticks"', async () => {
    const file = await scenarioFile({ stepSeconds: 1, services: { messaging: [100, 200] } });
    const io = capture();
    expect(await main(['replay', '--scenario', file], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(/scenario\.json: stepSeconds: the part to replay lasts 1 s, less than one tick of plan .* \(15 s\), so there is nothing to replay/);
  });

  test('more service-ticks than one command may run is refused with the numbers and what to change', async () => {
    const days = Array.from({ length: 1000 }, () => 100);
    const file = await scenarioFile({ stepSeconds: 86_400, services: { messaging: days, meetings: days, docs: days } });
    const io = capture();
    expect(await main(['replay', '--scenario', file], io)).toBe(1);
    expect(io.stderr).toEqual([
      `${file}: this replay would take 17262720 service-ticks (5754240 ticks x 3 services x 1 policy), more than the ${MAX_SERVICE_TICKS} one command may run; replay a part with --from/--to, fewer policies, or a plan with a longer tick`,
    ]);
  });

  test('a bare name is only a bundled scenario; an unknown one lists the bundled ones', async () => {
    const io = capture();
    expect(await main(['replay', '--scenario', 'feb4'], io)).toBe(1);
    expect(io.stderr).toEqual(['scenario: there is no bundled scenario "feb4"; the bundled ones are feb3 (to read a file of that name, write it as a path: ./feb4)']);
  });

  test('a plan file over the size cap is refused before it is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-replay-'));
    const plan = join(dir, 'plan.yaml');
    await writeFile(plan, `name: ${'x'.repeat(20 * 1024 * 1024)}\n`);
    const io = capture();
    expect(await main(['replay', '--scenario', 'feb3', '--plan', plan], io)).toBe(1);
    expect(io.stderr).toEqual([`${plan}: the plan file is larger than 1 MiB, the most a plan file may be`]);
  });
});

describe('flashcrowd replay reads times and services the way a person means them', () => {
  test('--from/--to without an offset are read in the scenario\'s time zone, as the dashboard and k6 read them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-replay-'));
    const run = async (from: string, to: string, out: string) => {
      const io = capture();
      expect(await main(['replay', '--scenario', 'feb3', '--from', from, '--to', to, '--json', join(dir, out)], io)).toBe(0);
      return readFile(join(dir, out), 'utf8');
    };
    const local = await run('2020-02-03T07:00', '2020-02-03T08:00', 'local.json');
    const offset = await run('2020-02-03T07:00:00+08:00', '2020-02-03T08:00:00+08:00', 'offset.json');
    expect(local).toBe(offset);
    const first = (JSON.parse(local) as { ticks: { t: string }[] }).ticks[0]?.t;
    expect(Date.parse(first ?? '')).toBe(Date.parse('2020-02-03T07:00:15+08:00'));
  });

  test('a one-service plan and a one-service trace named differently are matched, with a note', async () => {
    const io = capture();
    const code = await main(['replay', '--scenario', 'scenarios/traces/feb3-messaging-morning.csv', '--plan', 'scenarios/plans/example.yaml'], io);
    expect(code).toBe(0);
    expect(io.stderr).toEqual(['note: replaying the scenario\'s only service "default" as the plan\'s only service "meetings" (--service meetings says so explicitly)']);
  });

  test('a trace without a service column against a plan of several services names the flag to add', async () => {
    const io = capture();
    expect(await main(['replay', '--scenario', 'scenarios/traces/feb3-messaging-morning.csv'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('a CSV trace without a service column needs --service NAME, e.g. --service messaging');
  });
});
