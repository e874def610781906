/** The plan in force: a short summary, then the YAML as written in a <details>. */
import type { PlanSummary } from '../api/api-types.js';
import { levelName, serviceName } from '../i18n/plan-names.js';
import { el } from '../shared/dom.js';
import type { ViewContext } from './view-context.js';

export function renderPlan(container: HTMLElement, plan: PlanSummary | null, raw: string | null, ctx: ViewContext): void {
  const { t } = ctx;
  if (plan === null) {
    container.replaceChildren(el('p', { class: 'empty', 'data-testid': 'plan-unavailable' }, raw === null ? t('empty.waiting') : t('plan.unavailable')));
    return;
  }
  const item = (label: string, value: string): HTMLElement[] => [el('dt', {}, label), el('dd', {}, value)];
  container.replaceChildren(
    el(
      'dl',
      { class: 'plan-summary', 'data-testid': 'plan-summary' },
      ...item(t('plan.name'), plan.name),
      ...item(t('plan.timezone'), plan.timezone),
      ...item(t('plan.tick'), t('unit.s', { value: plan.tickSeconds })),
      ...item(t('plan.levels'), plan.levels.map((l) => levelName(t, l)).join(' → ')),
    ),
    el(
      'table',
      { class: 'plan-services' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('scale.service')), el('th', { scope: 'col' }, t('plan.slo')), el('th', { scope: 'col' }, t('plan.servers')))),
      el(
        'tbody',
        {},
        ...plan.services.map((s) => el('tr', {}, el('th', { scope: 'row' }, serviceName(ctx.language, s)), el('td', {}, t('unit.ms', { value: s.sloLatencyMs })), el('td', {}, `${s.minServers}–${s.maxServers}`))),
      ),
    ),
    raw === null
      ? el('p', { class: 'note', 'data-testid': 'plan-raw-needs-token' }, t('plan.raw-needs-token'))
      : el('details', { class: 'plan-raw', 'data-testid': 'plan-raw' }, el('summary', {}, t('plan.raw')), el('pre', { tabindex: 0 }, el('code', {}, raw))),
  );
}
