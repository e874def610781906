import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';

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
});
