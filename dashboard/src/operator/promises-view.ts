/** The finished drill's promise record: per service, how the recovery times its notices gave held. */
import { el } from '../shared/dom.js';
import { formatDuration } from '../time/format-time.js';
import type { PromisesState, ServicePromises } from './drill-summary.js';
import type { ViewContext } from './view-context.js';

const COLUMNS = [
  ['scored', 'promises.scored', 'promises.scoredHelp'],
  ['on-target', 'promises.onTarget', 'promises.onTargetHelp'],
  ['broken', 'promises.broken', 'promises.brokenHelp'],
  ['not-known', 'promises.notKnown', 'promises.notKnownHelp'],
  ['median', 'promises.median', 'promises.medianHelp'],
  ['bias', 'promises.bias', 'promises.biasHelp'],
] as const;

function cells(p: ServicePromises, ctx: ViewContext): string[] {
  const { t, language } = ctx;
  const dash = '–';
  const share = (x: number): string => (p.scored === 0 ? dash : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(x));
  const seconds = (s: number): string => formatDuration(Math.abs(s) * 1000, language);
  // errors are whole ticks: under a second is none at all
  const median = p.medianErrorSeconds === null ? dash : Math.abs(p.medianErrorSeconds) < 1 ? t('promises.exact') : seconds(p.medianErrorSeconds);
  // positive bias: users were back before the promised time (cautious); negative: promised too soon
  const bias =
    p.biasSeconds === null
      ? dash
      : Math.abs(p.biasSeconds) < 1
        ? t('promises.noBias')
        : t(p.biasSeconds > 0 ? 'promises.cautious' : 'promises.tooSoon', { duration: seconds(p.biasSeconds) });
  return [String(p.scored), share(p.onTarget), share(p.broken), String(p.notKnown), median, bias];
}

export function promisesSection(state: PromisesState, ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  const section = (...body: (HTMLElement | string)[]): HTMLElement =>
    el('section', { class: 'promises', 'data-testid': 'promise-record', 'data-state': state.kind, 'aria-labelledby': 'promises-title' }, el('h3', { id: 'promises-title' }, t('promises.title')), ...body);
  if (state.kind === 'loading') return section(el('p', { class: 'note' }, t('promises.loading')));
  if (state.kind === 'unavailable') return section(el('p', { class: 'note' }, t('promises.unavailable')));
  if (state.services.every((s) => s.scored === 0)) return section(el('p', { class: 'note' }, t('promises.none')));
  return section(
    el('p', { class: 'note' }, t('promises.lead')),
    el(
      'table',
      { class: 'promises-table' },
      el(
        'thead',
        {},
        el('tr', {}, el('th', { scope: 'col' }, t('promises.service')), ...COLUMNS.map(([, head, help]) => el('th', { scope: 'col', title: t(help) }, t(head)))),
      ),
      el(
        'tbody',
        {},
        ...state.services.map((p) =>
          el(
            'tr',
            { 'data-testid': 'promise-row', 'data-service': p.name },
            el('th', { scope: 'row' }, p.displayName),
            ...cells(p, ctx).map((text, i) => el('td', { 'data-col': COLUMNS[i]![0] }, text)),
          ),
        ),
      ),
    ),
  );
}
