import type { TraceSample } from './csv-trace-rows.js';

export interface RegularSeries {
  startMs: number;
  stepSeconds: number;
  services: Record<string, number[]>;
}

/** More points than this means seconds-apart samples over a long trace; a coarser trace is wanted. */
export const MAX_POINTS = 1_000_000;

/**
 * Puts irregular samples on one regular grid: the step is the smallest spacing between two
 * consecutive samples of any service, in whole seconds (at least 1); the grid runs from the
 * earliest sample to the latest, and each service is interpolated linearly between its own
 * samples. Within one step before a service's first sample or after its last, its edge value
 * holds (services sampled a few seconds apart get no spurious zero); further out it is 0.
 */
export function resampleTrace(samples: readonly TraceSample[]): RegularSeries | { tooLong: number } {
  // a service may be called "__proto__"; a plain {} would lose it
  const series = Object.create(null) as Record<string, TraceSample[]>;
  for (const s of samples) (series[s.service] ??= []).push(s);
  let spacing = Number.POSITIVE_INFINITY;
  for (const list of Object.values(series)) {
    for (let i = 1; i < list.length; i++) spacing = Math.min(spacing, list[i]!.t - list[i - 1]!.t);
  }
  const stepSeconds = Number.isFinite(spacing) ? Math.max(Math.floor(spacing / 1000), 1) : 1;
  const stepMs = stepSeconds * 1000;
  const startMs = Math.min(...Object.values(series).map((list) => list[0]!.t));
  const endMs = Math.max(...Object.values(series).map((list) => list[list.length - 1]!.t));
  const count = Math.ceil((endMs - startMs) / stepMs) + 1;
  if (count > MAX_POINTS) return { tooLong: count };
  const services = Object.fromEntries(
    Object.entries(series).map(([name, list]) => [name, onGrid(list, startMs, stepMs, count)]),
  );
  return { startMs, stepSeconds, services };
}

function onGrid(list: readonly TraceSample[], startMs: number, stepMs: number, count: number): number[] {
  const first = list[0]!;
  const last = list[list.length - 1]!;
  const out: number[] = [];
  let j = 0;
  for (let k = 0; k < count; k++) {
    const t = startMs + k * stepMs;
    if (t < first.t) out.push(t >= first.t - stepMs ? first.rps : 0);
    else if (t >= last.t) out.push(t <= last.t + stepMs ? last.rps : 0);
    else {
      while (list[j + 1]!.t <= t) j++;
      const a = list[j]!;
      const b = list[j + 1]!;
      out.push(a.rps + (b.rps - a.rps) * ((t - a.t) / (b.t - a.t)));
    }
  }
  return out;
}
