/**
 * A fuzz run's seed and size, the same for every fuzz file: FUZZ_SEED replays a run,
 * FUZZ_SCALE multiplies every property's cases (`npm run fuzz` uses 20).
 */
export const seed = Number(process.env.FUZZ_SEED ?? 20200203);
export const scale = Number(process.env.FUZZ_SCALE ?? 1);

/** cases at scale 1 for a property over one input route or parser, unless it asks for fewer */
export const CASES_PER_INPUT = 10_000;

/** fast-check's options for a property of `n` cases at scale 1 */
export const cases = (n: number = CASES_PER_INPUT) => ({ seed, numRuns: Math.max(1, Math.round(n * scale)) });

/**
 * A fuzz test's time limit. Five minutes is ample at scale 1; at `npm run fuzz`'s 20 a route
 * of 200,000 cases takes about that long on a two-core machine, so the limit grows with the
 * scale rather than cutting a wider run short.
 */
export const FUZZ_TIMEOUT_MS = Math.max(300_000, scale * 60_000);
