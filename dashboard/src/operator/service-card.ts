/** The overview card of one service: level in words and colour, servers by state, utilisation, notice, recovery. */
import { levelName } from '../i18n/plan-names.js';
import { el, setAttr, setText } from '../shared/dom.js';
import type { ServiceOverview } from './overview.js';
import { timeText, type ViewContext } from './view-context.js';

export interface ServiceCard {
  root: HTMLElement;
  update(card: ServiceOverview, ctx: ViewContext): void;
}

const STATES = ['active', 'starting', 'provisioning', 'standby', 'draining'] as const;

function row(labelNode: HTMLElement, valueNode: HTMLElement): HTMLElement {
  return el('div', { class: 'card-row' }, labelNode, valueNode);
}

export function createServiceCard(name: string): ServiceCard {
  const title = el('h3', { class: 'card-title' });
  const level = el('span', { class: 'level', 'data-testid': `level-${name}` });
  const labels = { level: el('dt', {}), servers: el('dt', {}), utilization: el('dt', {}), notice: el('dt', {}), recovery: el('dt', {}) };
  const servers = el('dd', { 'data-testid': `servers-${name}` });
  const utilization = el('dd', { 'data-testid': `utilization-${name}` });
  const notice = el('dd', { class: 'card-notice', 'data-testid': `notice-current-${name}` });
  const recovery = el('dd', { 'data-testid': `recovery-${name}` });
  const root = el(
    'article',
    { class: 'card', 'data-testid': `service-card-${name}`, 'data-tone': 'ok' },
    title,
    el(
      'dl',
      {},
      row(labels.level, el('dd', {}, level)),
      row(labels.servers, servers),
      row(labels.utilization, utilization),
      row(labels.recovery, recovery),
      row(labels.notice, notice),
    ),
  );

  return {
    root,
    update(card, ctx) {
      const { t } = ctx;
      setText(title, card.displayName);
      setText(labels.level, t('card.level'));
      setText(labels.servers, t('card.servers'));
      setText(labels.utilization, t('card.utilization'));
      setText(labels.notice, t('card.notice'));
      setText(labels.recovery, t('card.recovery'));
      setAttr(root, 'data-tone', card.tone);
      setAttr(root, 'data-level', card.level);
      setText(level, card.level === null ? t('card.none') : levelName(t, card.level));
      setText(servers, card.servers === null ? t('card.none') : STATES.map((s) => `${card.servers?.[s] ?? 0} ${t(`state.${s}`)}`).join(' · '));
      setText(utilization, card.utilizationPct === null ? t('card.none') : `${card.utilizationPct}%`);
      setText(recovery, timeText(ctx, card.expectedRecoveryAt));
      const text = card.notice?.text[ctx.language];
      setText(notice, text === undefined ? t('card.noNotice') : [text.title, card.notice?.cause[ctx.language]].filter(Boolean).join(': '));
      setAttr(notice, 'data-stage', card.notice?.stage ?? null);
    },
  };
}
