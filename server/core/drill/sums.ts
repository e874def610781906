/**
 * The two folds the replay's figures are made of. Each adds (or compares) in the order of
 * `items`, as a hand-written loop would, so a figure comes out the same to the last bit.
 */
export function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

/** The largest value, and never below `floor`. */
export function maxOf<T>(items: readonly T[], value: (item: T) => number, floor = 0): number {
  let max = floor;
  for (const item of items) max = Math.max(max, value(item));
  return max;
}
