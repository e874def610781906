/**
 * The Grafana dashboard people import is the one tools/grafana builds (typed by Grafana's
 * own schema), and it shows every drill series, per service. That its PromQL runs is
 * proven against a real Prometheus in test/e2e/prometheus.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Panel, RowPanel } from '@grafana/schema';
import { DRILL_SERIES } from '../../server/observe/drill-series.js';
import { drillDashboard } from '../../tools/grafana/drill-dashboard.js';
import { dashboardExprs } from './dashboard-exprs.js';

const FILE = resolve(import.meta.dirname, '../../dashboard/grafana/flashcrowd-drill.json');
const metricsIn = (expr: string): string[] => expr.match(/flashcrowd_[a-z_]+/g) ?? [];

describe('dashboard/grafana/flashcrowd-drill.json', () => {
  test('is exactly what tools/grafana builds (regenerate with npm run grafana:dashboard)', async () => {
    expect(JSON.parse(await readFile(FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(drillDashboard())));
  });

  test('has a panel for every per-service drill series, inside the row repeated per service', () => {
    const shown = new Set(dashboardExprs().filter((e) => e.perService).flatMap((e) => metricsIn(e.expr)));
    const perService = DRILL_SERIES.filter((s) => s.labelNames.includes('service')).map((s) => s.name);
    expect([...shown].sort()).toEqual([...perService].sort());
    for (const e of dashboardExprs().filter((x) => x.perService)) expect(e.expr, e.panel).toContain('service="$service"');
  });

  test('queries only series the server exposes', () => {
    const known = new Set(DRILL_SERIES.map((s) => s.name));
    for (const e of dashboardExprs()) for (const m of metricsIn(e.expr)) expect(known.has(m), `${e.panel}: ${m}`).toBe(true);
  });

  test('asks for its Prometheus on import and uses it everywhere', () => {
    const d = drillDashboard();
    expect(d.__inputs.map((i) => i.name)).toEqual(['DS_PROMETHEUS']);
    for (const p of d.panels ?? []) {
      if (p.type === 'row') continue;
      expect((p as Panel).datasource).toEqual({ type: 'prometheus', uid: '${DS_PROMETHEUS}' });
    }
    expect(d.templating?.list?.map((v) => v.name)).toEqual(['service', 'kind']);
  });

  test('panels have unique ids and fit the 24-column grid without overlapping', () => {
    const panels = drillDashboard().panels ?? [];
    const ids = panels.map((p: Panel | RowPanel) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const boxes = panels.map((p) => p.gridPos!);
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(24);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `panels ${ids[i]} and ${ids[j]}`).toBe(false);
      }
    }
  });
});
