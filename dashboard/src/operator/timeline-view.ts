/** The event timeline, newest first, bounded. */
import type { EngineEvent } from '../api/api-types.js';
import { el } from '../shared/dom.js';
import { eventFamily, timelineEntries } from './timeline.js';
import { timeText, type ViewContext } from './view-context.js';

export function renderTimeline(list: HTMLElement, events: readonly EngineEvent[], ctx: ViewContext): void {
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
            el('span', { class: 'event-service' }, event.service),
            ' ',
            el('code', { class: 'event-type' }, event.type),
            ' ',
            el('span', { class: 'event-message' }, event.message),
            event.reason ? el('span', { class: 'event-reason' }, ` (${event.reason})`) : null,
          ),
        )),
  );
}
