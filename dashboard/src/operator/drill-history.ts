/** Past drills from the store (GET /api/v1/drills), newest first, each with its report. */
import type { ApiClient } from '../api/api-client.js';
import type { DrillDto } from '../api/api-types.js';
import { el } from '../shared/dom.js';
import { isEndedDrill } from './drill-phase.js';
import { timeText, type ViewContext } from './view-context.js';

export const HISTORY_SHOWN = 10;

export function pastDrills(drills: readonly DrillDto[], limit = HISTORY_SHOWN): DrillDto[] {
  return drills
    .filter(isEndedDrill)
    .sort((a, b) => Date.parse(b.endedAt ?? b.startedAt) - Date.parse(a.endedAt ?? a.startedAt))
    .slice(0, limit);
}

export function renderHistory(list: HTMLElement, drills: readonly DrillDto[] | null, api: Pick<ApiClient, 'reportUrl'>, ctx: ViewContext): void {
  const { t } = ctx;
  if (drills === null) {
    list.replaceChildren(el('li', { class: 'empty' }, t('history.unavailable')));
    return;
  }
  const shown = pastDrills(drills);
  list.replaceChildren(
    ...(shown.length === 0
      ? [el('li', { class: 'empty', 'data-testid': 'history-empty' }, t('history.empty'))]
      : shown.map((d) =>
          el(
            'li',
            { 'data-testid': 'history-drill', 'data-drill': d.id, 'data-status': d.status },
            el('a', { href: api.reportUrl(d.id, 'html') }, d.id),
            ' ',
            el(
              'span',
              { class: 'history-line' },
              t('history.entry', {
                status: t(`drillStatus.${d.status}`),
                policy: t(`policy.${d.policy}`),
                from: timeText({ ...ctx, timeZone: d.timezone }, d.scenarioStart, 'dateTime'),
                to: timeText({ ...ctx, timeZone: d.timezone }, d.scenarioNow, 'dateTime'),
              }),
            ),
          ),
        )),
  );
}
