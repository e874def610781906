/**
 * The step of a trailing window kept as an array: the oldest `expired` items leave and
 * `added` joins at the end, in a new array (the states holding the old one stay as they were).
 *
 * Built at its final length: a slice has no room to grow, so slice-then-push copied every
 * window twice on every tick of every service, and that copying was the largest part of
 * what a replay allocated.
 */
export function windowShift<T>(items: readonly T[], expired: number, added: T): T[] {
  if (expired <= 0) return items.concat([added]);
  // one item more than is kept, so the array already has its final length
  const out = items.slice(expired - 1);
  for (let i = 1; i < out.length; i++) out[i - 1] = out[i] as T;
  out[out.length - 1] = added;
  return out;
}
