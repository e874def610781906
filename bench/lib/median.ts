/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `measure` for each side in turn, `rounds` times, after one unrecorded warm-up round. */
export async function alternate<T>(sides: readonly string[], rounds: number, measure: (side: string, round: number) => Promise<T>): Promise<Map<string, T[]>> {
  const runs = new Map<string, T[]>(sides.map((s) => [s, []]));
  for (let round = -1; round < rounds; round++) {
    // the order flips each round, so neither side always runs on a machine the other warmed
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const result = await measure(side, round);
      if (round >= 0) runs.get(side)?.push(result);
    }
  }
  return runs;
}
