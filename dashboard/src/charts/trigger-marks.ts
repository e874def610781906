/** Vertical marks on the demand chart where a surge trigger fired. */
import type { EngineEvent } from '../../../server/contracts.js';

export interface TriggerMark {
  /** epoch ms */
  x: number;
  /** the level the trigger raised the service to, when the event says so */
  level: string | null;
  message: string;
}

/** Marks of one service, oldest first; a repeated event at the same instant gives one mark. */
export function triggerMarks(events: readonly EngineEvent[], service: string): TriggerMark[] {
  const marks: TriggerMark[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    if (event.type !== 'trigger:firing' || event.service !== service) continue;
    const x = Date.parse(event.t);
    if (!Number.isFinite(x)) continue;
    const rawLevel = event.data?.level;
    const level = typeof rawLevel === 'string' ? rawLevel : null;
    const key = `${x}|${level ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push({ x, level, message: event.message });
  }
  return marks.sort((a, b) => a.x - b.x);
}

/** Only marks inside the plotted span are drawn; older ones scrolled out with their ticks. */
export function marksInRange(marks: readonly TriggerMark[], minX: number, maxX: number): TriggerMark[] {
  return marks.filter((mark) => mark.x >= minX && mark.x <= maxX);
}
