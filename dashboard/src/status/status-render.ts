/** Draws the public status page from a StatusView. Plain DOM, rebuilt per change: it is small. */
import type { Language } from '../api/api-types.js';
import type { Translate } from '../i18n/translate.js';
import { el } from '../shared/dom.js';
import { formatDuration, formatTime, zoneOffsetLabel } from '../time/format-time.js';
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
    { class: 'status-notice', 'data-testid': 'status-notice', 'data-incident': notice.id, 'data-stage': notice.stage },
    // the incident's own page holds its whole history; the card shows the latest update only
    el('h3', {}, el('a', { href: `/incidents/${encodeURIComponent(notice.id)}?lang=${encodeURIComponent(language)}`, 'data-testid': 'status-notice-link' }, notice.title)),
    el('p', { class: 'notice-meta' }, `${notice.serviceNames.join(', ')} · ${stageLabel(notice.stage, t)} · `, el('time', { datetime: notice.updatedAt }, time(notice.updatedAt))),
    notice.body === '' ? null : el('p', { class: 'notice-body' }, notice.body),
    el(
      'dl',
      { class: 'notice-facts' },
      ...fact(t('notice.cause'), notice.cause ?? t('notice.unknown'), 'status-notice-cause'),
      ...fact(t('notice.delay'), notice.expectedDelayMs === null ? t('notice.unknown') : formatDuration(notice.expectedDelayMs, language), 'status-notice-delay'),
      ...fact(t('notice.recovery'), time(notice.expectedRecoveryAt), 'status-notice-recovery'),
      ...fact(t('notice.nextUpdate'), time(notice.nextUpdateAt), 'status-notice-next-update'),
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
  const { t, language } = ctx;
  const modeLine = el('p', { class: 'status-mode', role: 'status', 'data-testid': 'status-mode', 'data-mode': mode }, modeText(mode, t));
  if (view === null) {
    root.replaceChildren(el('p', { class: 'empty banner', role: 'status', 'data-testid': 'status-empty', 'data-mode': mode }, mode === 'unavailable' ? t('status.unavailable') : t('empty.waiting')));
    return;
  }
  const at = view.updatedAt ?? Date.now();
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
    el(
      'p',
      { class: 'status-footer' },
      view.updatedAt === null ? '' : `${t('status.updated', { time: formatTime(view.updatedAt, view.timeZone, language, 'dateTime') })} · `,
      t('status.timesIn', { zone: `${view.timeZone} (${zoneOffsetLabel(view.timeZone, at, language)})` }),
    ),
  );
}
