import type { Label } from './remote-write.js';

const byName = (a: Label, b: Label): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * A stable identity for a series: its labels sorted by name, whatever order they arrived in.
 * Prometheus and k6 send labels sorted already, so the copy and sort are skipped then.
 */
export function seriesKey(labels: readonly Label[]): string {
  let sorted = true;
  for (let i = 1; i < labels.length && sorted; i++) sorted = byName(labels[i - 1] as Label, labels[i] as Label) <= 0;
  const ordered = sorted ? labels : [...labels].sort(byName);
  let key = '';
  // length-prefixed, so no name or value can forge another series' key, and cheaper than JSON
  for (const l of ordered) key += `${l.name.length}:${l.name}${l.value.length}:${l.value}`;
  return key;
}
