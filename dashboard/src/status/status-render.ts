/** Draws the public status page from a StatusView. Plain DOM, rebuilt per change: it is small. */
import type { Language } from '../api/api-types.js';
import type { Translate } from '../i18n/translate.js';
import { el } from '../shared/dom.js';
import { expectsUpdate, nothingToExpect } from '../shared/notice-stage.js';
import { formatDuration, formatTime, zoneOffsetLabel } from '../time/format-time.js';
import type { HistoryDay } from './past-incidents.js';
import type { StatusNotice, StatusView } from './status-view.js';

export type StatusMode = 'live' | 'polling' | 'unavailable' | 'connecting';

export interface StatusContext {
  t: Translate;
  language: Language;
}

const OVERALL_KEY = { ok: 'status.overallOk', degraded: 'status.overallDegraded', down: 'status.overallDown' } as const;

function stageLabel(stage: string, t: Translate): string {
  return stage === 'investigating' || stage === 'identified' || stage === 'monitoring' || stage === 'resolved' ? t(`stage.${stage}`) : stage;
}


function noticeCard(notice: StatusNotice, view: StatusView, ctx: StatusContext): HTMLElement {
  const { t, language } = ctx;
  const time = (iso: string | null): string => (iso === null ? t('notice.unknown') : formatTime(iso, view.timeZone, language, 'dateTime') || t('notice.unknown'));
  const fact = (label: string, value: string, testid: string): HTMLElement[] => [el('dt', {}, label), el('dd', { 'data-testid': testid }, value)];
  return el(
    'article',
    { class: 'status-notice', 'data-testid': 'status-notice', 'data-incident': notice.id, 'data-stage': notice.stage, ...(notice.precautionary ? { 'data-precautionary': 'true' } : {}) },
    // the incident's own page holds its whole history; the card shows the latest update only
    el('h3', {}, el('a', { href: `/incidents/${encodeURIComponent(notice.id)}?lang=${encodeURIComponent(language)}`, 'data-testid': 'status-notice-link' }, notice.title)),
    el('p', { class: 'notice-meta' }, `${notice.serviceNames.join(', ')} · ${stageLabel(notice.stage, t)} · `, el('time', { datetime: notice.updatedAt }, time(notice.updatedAt))),
    notice.body === '' ? null : el('p', { class: 'notice-body' }, notice.body),
    el(
      'dl',
      { class: 'notice-facts' },
      ...fact(t('notice.cause'), notice.cause || t('notice.unknown'), 'status-notice-cause'),
      ...(nothingToExpect(notice) ? [] : fact(t('notice.delay'), notice.expectedDelayMs === null ? t('notice.unknown') : formatDuration(notice.expectedDelayMs, language), 'status-notice-delay')),
      ...(nothingToExpect(notice) ? [] : fact(t('notice.recovery'), time(notice.expectedRecoveryAt), 'status-notice-recovery')),
      ...(expectsUpdate(notice.stage) ? fact(t('notice.nextUpdate'), time(notice.nextUpdateAt), 'status-notice-next-update') : []),
    ),
  );
}

function modeText(mode: StatusMode, t: Translate): string {
  switch (mode) {
    case 'live':
      return t('status.live');
    case 'polling':
      return t('status.polling');
    case 'unavailable':
      return t('status.unavailable');
    case 'connecting':
      return t('conn.connecting');
  }
}

export function renderStatus(root: HTMLElement, view: StatusView | null, mode: StatusMode, ctx: StatusContext): void {
  const { t } = ctx;
  const modeLine = el('p', { class: 'status-mode', role: 'status', 'data-testid': 'status-mode', 'data-mode': mode }, modeText(mode, t));
  if (view === null) {
    root.replaceChildren(el('p', { class: 'empty banner', role: 'status', 'data-testid': 'status-empty', 'data-mode': mode }, mode === 'unavailable' ? t('status.unavailable') : t('empty.waiting')));
    return;
  }
  root.replaceChildren(
    el('p', { class: `overall overall-${view.overall}`, 'data-testid': 'status-overall', 'data-overall': view.overall }, t(OVERALL_KEY[view.overall])),
    modeLine,
    el('h2', {}, t('status.components')),
    el(
      'ul',
      { class: 'status-services', 'data-testid': 'status-services' },
      ...view.services.map((s) =>
        el(
          'li',
          { 'data-testid': `status-service-${s.key}`, 'data-status': s.status },
          el('span', { class: 'service-name' }, s.name),
          el('span', { class: `status-pill status-${s.status}` }, t(`component.${s.status}`)),
        ),
      ),
    ),
    el('h2', {}, t('status.notices')),
    view.notices.length === 0
      ? el('p', { class: 'empty', 'data-testid': 'status-no-notices' }, t('status.noNotices'))
      : el('div', { class: 'status-notices', 'data-testid': 'status-notices' }, ...view.notices.map((n) => noticeCard(n, view, ctx))),
  );
}

/**
 * The page's one clock: the scenario time of the latest update, labelled, in the zone every
 * time on the page is in. A drill replays 2020; the visitor's wall clock (or the server's live
 * session) beside notices dated 2020 would contradict them.
 */
export function pageClock(view: StatusView | null, incidents: readonly { updated_at: string }[]): string | null {
  let latest: string | null = null;
  const later = (t: string): void => {
    if (latest === null || Date.parse(t) > Date.parse(latest)) latest = t;
  };
  for (const n of view?.notices ?? []) later(n.updatedAt);
  for (const i of incidents) later(i.updated_at);
  return latest ?? view?.updatedAt ?? null;
}

export function renderClock(root: HTMLElement, view: StatusView | null, clock: string | null, ctx: StatusContext): void {
  if (view === null) {
    root.replaceChildren();
    return;
  }
  const { t, language } = ctx;
  const at = clock ?? Date.now();
  root.replaceChildren(
    el(
      'p',
      { class: 'status-footer', 'data-testid': 'status-clock' },
      clock === null ? '' : `${t('status.scenarioClock')}: ${formatTime(clock, view.timeZone, language, 'dateTime')} · `,
      t('status.timesIn', { zone: `${view.timeZone} (${zoneOffsetLabel(view.timeZone, at, language)})` }),
    ),
  );
}

/** Statuspage-style history: one block per day, newest first. */
export function renderPastIncidents(root: HTMLElement, days: readonly HistoryDay[] | null, timeZone: string, ctx: StatusContext): void {
  const { t, language } = ctx;
  const dayTitle = (day: string): string => formatTime(`${day}T12:00:00Z`, 'UTC', language, 'date');
  root.replaceChildren(
    el('h2', { id: 'past-incidents-title' }, t('status.history')),
    days === null || days.length === 0
      ? el('p', { class: 'empty', 'data-testid': 'past-incidents-empty' }, t('status.noHistory'))
      : el(
          'ol',
          { class: 'past-days', 'data-testid': 'past-incidents' },
          ...days.map((d) =>
            el(
              'li',
              { class: 'past-day', 'data-day': d.day },
              el('h3', {}, dayTitle(d.day)),
              d.incidents.length === 0
                ? el('p', { class: 'empty' }, t('status.noIncidentsDay'))
                : el(
                    'ul',
                    { class: 'past-list' },
                    ...d.incidents.map((i) =>
                      el(
                        'li',
                        { class: `past-incident impact-${i.impact}`, 'data-testid': 'past-incident', 'data-incident': i.id },
                        el('p', { class: 'past-name' }, i.name),
                        i.body === '' ? null : el('p', { class: 'past-body' }, i.body),
                        el(
                          'p',
                          { class: 'past-when' },
                          el('time', { datetime: i.openedAt }, formatTime(i.openedAt, timeZone, language, 'dateTime')),
                          i.resolvedAt === null ? '' : ` · ${t('status.resolvedAt', { time: formatTime(i.resolvedAt, timeZone, language, 'time') })}`,
                        ),
                      ),
                    ),
                  ),
            ),
          ),
        ),
  );
}

/** How to follow the page: the Atom feed as a visible link, and where webhooks come from. */
export function renderSubscribe(root: HTMLElement, ctx: StatusContext): void {
  const { t, language } = ctx;
  root.replaceChildren(
    el('h2', { id: 'subscribe-title' }, t('status.subscribe')),
    el('p', {}, el('a', { href: `/history.atom?lang=${encodeURIComponent(language)}`, type: 'application/atom+xml', 'data-testid': 'subscribe-atom' }, t('status.subscribeFeed'))),
    el('p', { class: 'note', 'data-testid': 'subscribe-webhooks' }, t('status.subscribeHooks')),
  );
}
