/** The event timeline: newest first, bounded, so the list never grows with the drill. */
import type { EngineEvent } from '../api/api-types.js';

export const TIMELINE_LIMIT = 100;

export function timelineEntries(events: readonly EngineEvent[], limit = TIMELINE_LIMIT): EngineEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(b.event.t) - Date.parse(a.event.t) || b.index - a.index)
    .slice(0, limit)
    .map(({ event }) => event);
}

/** A class for colouring the entry by family (trigger, scale, servers, throttle, incident). */
export function eventFamily(event: EngineEvent): string {
  return event.type.split(':')[0] ?? 'other';
}
