/** The PromQL of every target in the drill dashboard, with the row it sits in. */
import type { Panel, RowPanel } from '@grafana/schema';
import { drillDashboard } from '../../tools/grafana/drill-dashboard.js';

export interface DashboardExpr {
  panel: string;
  /** inside the row repeated per service */
  perService: boolean;
  expr: string;
}

export function dashboardExprs(): DashboardExpr[] {
  let perService = false;
  return (drillDashboard().panels ?? []).flatMap((p: Panel | RowPanel) => {
    if (p.type === 'row') {
      perService = (p as RowPanel).repeat === 'service';
      return [];
    }
    return ((p as Panel).targets ?? []).map((t) => ({ panel: (p as Panel).title ?? '', perService, expr: String(t.expr) }));
  });
}

/** The expression as Grafana sends it with one service chosen and every kind. */
export const substitute = (expr: string, service: string): string =>
  expr.replaceAll('$service', service).replaceAll('$kind', '.+');
