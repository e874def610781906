/** The banner that keeps a finished drill on screen: what it came to, its report, and the way back to live. */
import type { ApiClient } from '../api/api-client.js';
import { el } from '../shared/dom.js';
import type { DrillSummary } from './drill-summary.js';
import { promisesSection } from './promises-view.js';
import { timeText, type ViewContext } from './view-context.js';

export function renderFinished(container: HTMLElement, summary: DrillSummary | null, api: Pick<ApiClient, 'reportUrl'>, backToLive: () => void, ctx: ViewContext): void {
  container.hidden = summary === null;
  if (summary === null) {
    container.replaceChildren();
    return;
  }
  const { t } = ctx;
  const { drill } = summary;
  const number = new Intl.NumberFormat(ctx.language, { maximumFractionDigits: 0 });
  const item = (label: string, value: string, testid?: string): HTMLElement[] => [el('dt', {}, label), el('dd', testid ? { 'data-testid': testid } : {}, value)];
  const back = el('button', { type: 'button', 'data-testid': 'back-to-live' }, t('drill.backToLive'));
  back.addEventListener('click', backToLive);
  container.replaceChildren(
    el('h2', { id: 'finished-title' }, t('summary.title')),
    el('p', { class: 'finished-line', 'data-testid': 'finished-line', 'data-status': drill.status }, t('drill.endedLine', { id: drill.id, status: t(`drillStatus.${drill.status}`), time: timeText(ctx, drill.scenarioNow, 'dateTime') })),
    el(
      'dl',
      { class: 'summary', 'data-testid': 'drill-summary' },
      ...item(t('summary.window'), `${timeText(ctx, summary.from, 'dateTime')} – ${timeText(ctx, summary.to, 'dateTime')}`),
      ...item(t('summary.policy'), t(`policy.${drill.policy}`)),
      ...item(t('summary.speed'), t('summary.speedValue', { speed: drill.speed })),
      ...item(t('summary.incidents'), t('summary.incidentsValue', { opened: summary.incidentsOpened, resolved: summary.incidentsResolved }), 'summary-incidents'),
      ...item(t('summary.triggers'), number.format(summary.triggersFired), 'summary-triggers'),
      ...summary.peaks.flatMap((p) => item(t('summary.peak', { service: p.displayName }), t('summary.peakValue', { rps: number.format(p.peakDemandRps), servers: p.maxServers }))),
    ),
    promisesSection(summary.promises, ctx),
    el(
      'p',
      { class: 'finished-actions' },
      el('a', { class: 'button-link', href: api.reportUrl(drill.id, 'html'), 'data-testid': 'report-html' }, t('drill.report')),
      ' ',
      el('a', { href: api.reportUrl(drill.id, 'json'), 'data-testid': 'report-json' }, t('drill.reportJson')),
      ' ',
      back,
    ),
  );
}
