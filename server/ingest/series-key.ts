import type { Label } from './remote-write.js';

/** A stable identity for a series: its labels sorted by name, whatever order they arrived in. */
export function seriesKey(labels: Label[]): string {
  const sorted = [...labels].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify(sorted.map((l) => [l.name, l.value]));
}
