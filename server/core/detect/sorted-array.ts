/** First index whose value is >= v in an ascending array. */
export function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A new ascending array with `removed` taken out (one occurrence each, values absent are
 * skipped) and `added` put in: one copy, no full sort.
 */
export function replaceSorted(sorted: readonly number[], removed: readonly number[], added: readonly number[]): number[] {
  const out = sorted.slice();
  for (const v of removed) {
    const i = lowerBound(out, v);
    if (out[i] === v) out.splice(i, 1);
  }
  for (const v of added) out.splice(lowerBound(out, v), 0, v);
  return out;
}
