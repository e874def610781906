/** Tick changes gathered between two animation frames, merged so charts update once per frame. */
import type { TickChange } from './live-store.js';

export function mergeTickChanges(earlier: TickChange, later: TickChange): TickChange {
  if (earlier.kind === 'reset' || later.kind === 'reset') return { kind: 'reset' };
  if (earlier.kind === 'none') return later;
  if (later.kind === 'none') return earlier;
  const services = { ...earlier.services };
  for (const [service, change] of Object.entries(later.services)) {
    const before = services[service];
    // Appending A then B, each trimming the front, equals appending A+B and trimming both counts.
    services[service] = before === undefined ? change : { added: before.added.concat(change.added), dropped: before.dropped + change.dropped };
  }
  return { kind: 'append', services };
}
