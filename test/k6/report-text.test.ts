/** The text the k6 scripts print at the end: the drill digest and the summary. */
import { describe, expect, it } from 'vitest';
import { reportDigest } from '../../load/lib/report-digest.js';
import { summaryOutputs, textSummary } from '../../load/lib/summary-text.js';
import type { SummaryData } from '../../load/lib/summary-text.js';

const tick = (t: string, demandRps: number, throttledRps: number, level: string) => ({
  t: `2020-02-03T${t}:00+08:00`,
  service: 'messaging',
  demandRps,
  throttledRps,
  level,
});

describe('reportDigest', () => {
  it('says what each service went through', () => {
    const report = {
      ticks: [tick('08:59', 9000, 0, 'normal'), tick('09:00', 48000, 12000, 'surge'), tick('09:01', 30000, 0, 'surge')],
      events: [
        { t: '2020-02-03T00:58:00Z', service: 'messaging', type: 'level:changed', data: { from: 'normal', to: 'surge' } },
        { t: '2020-02-03T09:00:00+08:00', service: 'messaging', type: 'level:changed', data: { from: 'surge', to: 'critical' } },
        { t: '2020-02-03T09:01:00+08:00', service: 'messaging', type: 'level:changed', data: { from: 'critical', to: 'surge' } },
        { t: '2020-02-03T09:00:00+08:00', service: 'messaging', type: 'throttle:started' },
        { t: '2020-02-03T09:00:00+08:00', service: 'messaging', type: 'servers:activated' },
        { t: '2020-02-03T09:01:00+08:00', service: 'messaging', type: 'servers:provisioning' },
        { t: '2020-02-03T09:02:00+08:00', service: 'messaging', type: 'servers:provisioning' },
      ],
      notices: [
        { service: 'messaging', stage: 'investigating' },
        { service: 'messaging', stage: 'resolved' },
      ],
    };
    expect(reportDigest(report, '+08:00')).toEqual([
      'messaging: peak 48000 rps at 09:00; levels entered: surge 08:58, critical 09:00; throttled from 09:00 (1 ticks); ' +
        'standby activations 1, cold provisions 2; 2 notices, resolved',
    ]);
  });

  it.each([
    [null, 'the server returned no drill report'],
    [{ ticks: 'x' }, 'the server returned no drill report'],
    [{ ticks: [], events: [], notices: [] }, 'the drill recorded no ticks'],
  ])('explains an empty or missing report (%j)', (report, line) => {
    expect(reportDigest(report, '+08:00')).toEqual([line]);
  });
});

describe('textSummary', () => {
  const data: SummaryData = {
    state: { testRunDurationMs: 151_234 },
    metrics: {
      calm_latency: { type: 'trend', contains: 'time', values: { avg: 12.5, 'p(95)': 1500 }, thresholds: { 'p(95)<800': { ok: false } } },
      throttled: { type: 'rate', values: { rate: 0.25, passes: 1, fails: 3 } },
      http_reqs: { type: 'counter', values: { count: 4, rate: 0.5 } },
      checks: { type: 'rate', values: { rate: 1, passes: 8, fails: 0 }, thresholds: { 'rate>0.99': { ok: true } } },
    },
    root_group: { checks: [{ name: 'answered', passes: 4, fails: 0 }] },
  };

  it('leads with the thresholds and their outcome, then checks and metrics', () => {
    const text = textSummary('feb3-spike', data);
    expect(text).toContain('feb3-spike: 151.2 s, thresholds 1 of 2 met');
    expect(text).toContain('  FAIL calm_latency: p(95)<800');
    expect(text).toContain('  ok   checks: rate>0.99');
    expect(text).toContain('  ok   answered: 4 passed, 0 failed');
    expect(text).toMatch(/calm_latency +avg=12\.5ms p\(95\)=1\.50s/);
    expect(text).toMatch(/throttled +25\.00% \(1 of 4\)/);
    expect(text).toMatch(/http_reqs +4 \(0\.50\/s\)/);
  });

  it('fails a threshold whose window saw no samples, and names the drill report', () => {
    const empty: SummaryData = {
      setup_data: { drillId: 'd-1', reportUrl: 'http://127.0.0.1:8080/api/v1/drills/d-1/report.html' },
      metrics: {
        'throttled{phase:overload}': { type: 'rate', values: { rate: 0, passes: 0, fails: 0 }, thresholds: { 'rate<0.6': { ok: true } } },
        'calm_latency{phase:before}': { type: 'trend', contains: 'time', values: { count: 0 }, thresholds: { 'p(95)<800': { ok: true } } },
        dropped_iterations: { type: 'counter', values: { count: 0, rate: 0 }, thresholds: { 'count<20': { ok: true } } },
      },
    };
    const text = textSummary('feb3-spike', empty);
    expect(text).toContain('thresholds 1 of 3 met');
    expect(text).toContain('  FAIL throttled{phase:overload}: rate<0.6 (no samples: nothing was measured in this window)');
    expect(text).toContain('  FAIL calm_latency{phase:before}: p(95)<800 (no samples');
    expect(text).toContain('  ok   dropped_iterations: count<20');
    expect(text).toContain('drill report: http://127.0.0.1:8080/api/v1/drills/d-1/report.html');
  });

  it('writes the whole data as JSON beside the text', () => {
    const out = summaryOutputs('feb3-spike', data, '/tmp/summary.json');
    expect(Object.keys(out).sort()).toEqual(['/tmp/summary.json', 'stdout']);
    expect(JSON.parse(out['/tmp/summary.json'] ?? '')).toEqual(data);
  });
});
