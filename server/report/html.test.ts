import { expect, test } from 'vitest';
import type { ReplayResult } from '../core/drill/replay.js';
import type { Plan } from '../core/plan/types.js';
import { renderReport } from './html.js';

const plan = { name: 'p', timezone: 'Asia/Shanghai', tickSeconds: 60, levels: ['normal', 'surge'], services: {} } as unknown as Plan;

function run(message: string): ReplayResult {
  return {
    policy: 'step',
    ticks: [],
    events: [{ t: '2020-02-03T01:00:00.000Z', service: 'chat', type: 'level:changed', message, data: { from: 'normal', to: 'surge' } }],
    notices: [],
    summary: { plan: 'p', scenario: 's', policy: 'step', from: '', to: '', tickSeconds: 60, services: { chat: {} as never } },
  };
}

function embeddedData(html: string): { runs: { services: { events: { level?: string; message: string }[] }[] }[] } {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no embedded data');
  return JSON.parse(match[1]) as ReturnType<typeof embeddedData>;
}

test('text from events cannot close the data script, and level changes carry their level for the chart marks', () => {
  const hostile = 'Level changed </script><script>alert(1)</script>';
  const html = renderReport([run(hostile)], { title: 'T <b>', plan, chartJs: '/* chart.js */' });
  expect(html.match(/<\/script>/g)).toHaveLength(3); // chart.js, the data, the report script
  expect(html).toContain('<title>T &#60;b&#62;</title>');
  const event = embeddedData(html).runs[0]!.services[0]!.events[0]!;
  expect(event.message).toBe(hostile);
  expect(event.level).toBe('surge');
});

test('the summary table takes its columns and their tooltips from the shared column constant, and names the best policy', () => {
  const html = renderReport([run('a'), { ...run('b'), policy: 'none' }].map((r) => ({
    ...r,
    summary: { ...r.summary, policy: r.policy, services: { chat: { minutesOverSlo: r.policy === 'none' ? 60 : 5, requestsThrottled: 0, requestsDropped: 0, serverHours: 1 } as never } },
  })), { title: 'T', plan, chartJs: '' });
  const data = embeddedData(html) as unknown as { columns: { head: string; meaning: string }[]; verdict: string };
  expect(data.columns.map((c) => c.head)).toEqual(expect.arrayContaining(['p95 delay', 'on target', 'broken', 'accU%', 'jitter/min']));
  expect(data.verdict).toMatch(/^best policy: step: 5\.0 min with users affected against 60\.0 for none/);
  expect(html).toContain("title: c.meaning");
});
test('the Feb-3 report with four policies stays under 1.5 MB and opens on the surge', async () => {
  const { loadDefaultPlan } = await import('../plan-file.js');
  const { loadScenario } = await import('../scenario-file.js');
  const { replay } = await import('../core/drill/replay.js');
  const { chartJsSource } = await import('./chart-js-source.js');
  const feb3Plan = await loadDefaultPlan();
  const scenario = await loadScenario('feb3');
  if (!feb3Plan.ok || !scenario.ok) throw new Error('the default plan or the feb3 scenario does not load');
  const runs = (['step', 'target-tracking', 'predictive', 'none'] as const).map((policy) => {
    const r = replay(feb3Plan.value, scenario.value, { policy });
    if (!r.ok) throw new Error(r.errors[0]?.message);
    return r.value;
  });
  const html = renderReport(runs, { title: 'Feb-3', plan: feb3Plan.value, chartJs: await chartJsSource() });
  expect(Buffer.byteLength(html)).toBeLessThan(1.5 * 1024 * 1024);
  const data = JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { focus: { start: number; end: number }; range: { start: number; end: number } };
  expect(data.focus.end - data.focus.start).toBeLessThan((data.range.end - data.range.start) / 4);
}, 120_000);
