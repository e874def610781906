/** The event timeline, newest first, bounded. */
import type { EngineEvent } from '../api/api-types.js';
import { el } from '../shared/dom.js';
import { eventText, reasonText, type ServerLimits } from './event-text.js';
import { eventFamily, timelineEntries } from './timeline.js';
import { timeText, type ViewContext } from './view-context.js';

function reasonLine(event: EngineEvent, ctx: ViewContext): HTMLElement | null {
  const reason = reasonText(event, ctx);
  return reason === null ? null : el('span', { class: 'event-reason', 'data-reason': event.reason ?? '' }, ctx.language === 'zh-CN' ? `（${reason}）` : ` (${reason})`);
}

/** `names`: service name to the display name in the page's language */
export function renderTimeline(list: HTMLElement, events: readonly EngineEvent[], names: ReadonlyMap<string, string>, ctx: ViewContext, limits?: ServerLimits): void {
  const entries = timelineEntries(events);
  list.replaceChildren(
    ...(entries.length === 0
      ? [el('li', { class: 'empty' }, ctx.t('timeline.empty'))]
      : entries.map((event) =>
          el(
            'li',
            { class: `event event-${eventFamily(event)}`, 'data-testid': 'timeline-event', 'data-type': event.type },
            el('time', { datetime: event.t }, timeText(ctx, event.t, 'timeSeconds')),
            ' ',
            el('span', { class: 'event-service' }, names.get(event.service) ?? event.service),
            ' ',
            el('span', { class: 'event-message', title: event.message }, eventText(event, ctx, limits)),
            reasonLine(event, ctx),
          ),
        )),
  );
}
