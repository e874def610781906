/** Notices grouped by incident: the stages reached, then the latest notice in full. */
import type { Notice } from '../api/api-types.js';
import { el } from '../shared/dom.js';
import { expectsUpdate, nothingToExpect } from '../shared/notice-stage.js';
import { groupIncidents, STAGE_ORDER } from './incidents.js';
import { durationText, stageText, timeText, type ViewContext } from './view-context.js';

/** The promised recovery with the range beside it: "09:40 (between 09:25 and 10:05)". */
export function recoveryText(notice: Notice, ctx: ViewContext): string {
  if (notice.expectedRecoveryAt === null) return ctx.t('notice.unknown');
  const time = timeText(ctx, notice.expectedRecoveryAt);
  const earliest = notice.recoveryEarliestAt ?? null;
  const latest = notice.recoveryLatestAt ?? null;
  // a resolved notice says when it happened, and a range of one moment says nothing more
  if (notice.stage === 'resolved' || earliest === null || (earliest === notice.expectedRecoveryAt && latest === notice.expectedRecoveryAt)) return time;
  if (latest === null) return ctx.t('notice.recoveryFrom', { time, earliest: timeText(ctx, earliest) });
  return ctx.t('notice.recoveryRange', { time, earliest: timeText(ctx, earliest), latest: timeText(ctx, latest) });
}

function facts(notice: Notice, ctx: ViewContext): HTMLElement {
  const { t, language } = ctx;
  const item = (label: string, value: string, testid: string): HTMLElement[] => [el('dt', {}, label), el('dd', { 'data-testid': testid }, value)];
  return el(
    'dl',
    { class: 'notice-facts' },
    ...item(t('notice.cause'), notice.cause[language] || t('notice.unknown'), 'notice-cause'),
    // as on the status page: no delay or recovery to expect when there is none, no update after the last
    ...(nothingToExpect(notice) ? [] : item(t('notice.delay'), durationText(ctx, notice.expectedDelayMs), 'notice-delay')),
    ...(nothingToExpect(notice) ? [] : item(t('notice.recovery'), recoveryText(notice, ctx), 'notice-recovery')),
    ...(expectsUpdate(notice.stage) ? item(t('notice.nextUpdate'), notice.nextUpdateAt === null ? t('notice.unknown') : timeText(ctx, notice.nextUpdateAt), 'notice-next-update') : []),
  );
}

export function renderIncidents(list: HTMLElement, notices: readonly Notice[], serviceNames: ReadonlyMap<string, string>, ctx: ViewContext): void {
  const incidents = groupIncidents(notices);
  if (incidents.length === 0) {
    list.replaceChildren(el('li', { class: 'empty' }, ctx.t('notices.empty')));
    return;
  }
  list.replaceChildren(
    ...incidents.map((incident) => {
      const reached = new Map(incident.stages.map((s) => [s.stage, s.t]));
      const text = incident.latest.text[ctx.language];
      return el(
        'li',
        { class: 'incident', 'data-testid': 'incident', 'data-incident': incident.incidentId, 'data-stage': incident.latest.stage },
        el('h3', {}, `${serviceNames.get(incident.service) ?? incident.service}: ${text.title}`),
        el(
          'ol',
          { class: 'stages' },
          ...STAGE_ORDER.map((stage) => {
            const at = reached.get(stage);
            return el(
              'li',
              { class: at === undefined ? 'stage' : 'stage reached', 'aria-current': stage === incident.latest.stage ? 'step' : null },
              stageText(ctx, stage),
              at === undefined ? null : el('time', { datetime: at }, ` ${timeText(ctx, at)}`),
            );
          }),
        ),
        el('p', { class: 'notice-body' }, text.body),
        facts(incident.latest, ctx),
      );
    }),
  );
}
