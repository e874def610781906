/**
 * The promise record: each notice published while users were affected, scored against
 * what then happened. A drill is only worth rehearsing if its notices would hold on the day.
 *
 * - affected tick: latency over the objective, or requests throttled or dropped
 * - scored notice: an open incident's notice (not "resolved") published at an affected tick
 * - actual recovery: the first tick after the notice from which users stay unaffected for
 *   STABLE_SECONDS (a one-tick lull is not a recovery); none if the replay ends first
 * - error: promised minus actual recovery (positive: users were back earlier than promised)
 * - on target: |error| <= max(2 min, 25% of the actual wait)
 * - broken: users waited longer than promised beyond that tolerance, or never recovered
 * - not known: the notice said the recovery time is not known yet; neither kept nor broken
 * Shares are of all scored notices, "not known" ones included: saying "not known yet" keeps
 * no promise but breaks none either.
 */
import { promiseToleranceMs } from '../engine/forecast-recovery.js';
import type { Notice, Tick } from '../engine/types.js';

export const STABLE_SECONDS = 600;

export interface PromiseRecord {
  /** notices published while users were affected */
  scored: number;
  /** of those, notices that said the recovery time is not known yet */
  notKnown: number;
  /** share (0..1) of the scored notices that were within tolerance */
  onTarget: number;
  /** share (0..1) of the scored notices after which users waited longer */
  broken: number;
  /** median |promised - actual|, seconds; null when nothing could be compared */
  medianErrorSeconds: number | null;
  /** mean of promised - actual, seconds: negative promises too early (optimistic) */
  biasSeconds: number | null;
}

export type PromiseVerdict = 'on-target' | 'early' | 'broken' | 'not-known';

export function isAffected(tick: Tick, sloMs: number): boolean {
  return tick.latencyMs > sloMs || tick.throttledRps > 0 || tick.droppedRps > 0;
}

/** For each tick index, when users were back for good from there on (epoch ms), or null. */
export function recoveryAfter(ticks: readonly Tick[], sloMs: number, tickSeconds: number): (number | null)[] {
  return recoveryIndexAfter(ticks, sloMs, tickSeconds).map((i) => (i < 0 ? null : Date.parse((ticks[i] as Tick).t)));
}

/** recoveryAfter as tick indexes (-1: none), so a summary parses only the times it scores. */
function recoveryIndexAfter(ticks: readonly Tick[], sloMs: number, tickSeconds: number): number[] {
  const stableTicks = Math.max(1, Math.ceil(STABLE_SECONDS / tickSeconds));
  const out: number[] = new Array<number>(ticks.length).fill(-1);
  let next = -1;
  let calmRun = 0;
  for (let i = ticks.length - 1; i >= 0; i--) {
    const tick = ticks[i] as Tick;
    if (isAffected(tick, sloMs)) calmRun = 0;
    else {
      calmRun++;
      // a calm stretch reaching the end of the replay counts: nothing contradicts it
      if (calmRun >= stableTicks || i + calmRun === ticks.length) next = i;
    }
    out[i] = next;
  }
  return out;
}

export function judgePromise(publishedAt: number, promised: number | null, actual: number | null): { verdict: PromiseVerdict; errorSeconds: number | null } {
  if (promised === null) return { verdict: 'not-known', errorSeconds: null };
  if (actual === null) return { verdict: 'broken', errorSeconds: null };
  const errorSeconds = (promised - actual) / 1000;
  const tolerance = promiseToleranceMs(actual - publishedAt) / 1000;
  if (Math.abs(errorSeconds) <= tolerance) return { verdict: 'on-target', errorSeconds };
  return { verdict: errorSeconds < 0 ? 'broken' : 'early', errorSeconds };
}

/** One notice against what followed it; `judged` null when it is not scored (a resolved notice, or users not affected). */
export interface NoticeScore {
  notice: Notice;
  /** when users were back for good after it, epoch ms; null: not within the ticks */
  backAt: number | null;
  judged: { verdict: PromiseVerdict; errorSeconds: number | null } | null;
}

/** Each notice published at one of `ticks` (both in time order), scored as the promise record scores it. */
export function noticeScores(ticks: readonly Tick[], notices: readonly Notice[], sloMs: number, tickSeconds: number): NoticeScore[] {
  const indexOf = tickIndex(ticks, tickSeconds);
  const recovery = recoveryIndexAfter(ticks, sloMs, tickSeconds);
  const out: NoticeScore[] = [];
  for (const notice of notices) {
    const i = indexOf(notice.t);
    if (i === undefined) continue;
    const back = recovery[i] ?? -1;
    const backAt = back < 0 ? null : Date.parse((ticks[back] as Tick).t);
    const scored = notice.stage !== 'resolved' && isAffected(ticks[i] as Tick, sloMs);
    const promised = notice.expectedRecoveryAt === null ? null : Date.parse(notice.expectedRecoveryAt);
    out.push({ notice, backAt, judged: scored ? judgePromise(Date.parse(notice.t), promised, backAt) : null });
  }
  return out;
}

/** Score one service's notices against its ticks (both in time order). */
export function promiseRecord(ticks: readonly Tick[], notices: readonly Notice[], sloMs: number, tickSeconds: number): PromiseRecord {
  let scored = 0;
  let notKnown = 0;
  let onTarget = 0;
  let broken = 0;
  const errors: number[] = [];
  for (const { judged } of noticeScores(ticks, notices, sloMs, tickSeconds)) {
    if (judged === null) continue;
    scored++;
    if (judged.verdict === 'not-known') notKnown++;
    if (judged.verdict === 'on-target') onTarget++;
    if (judged.verdict === 'broken') broken++;
    if (judged.errorSeconds !== null) errors.push(judged.errorSeconds);
  }
  return {
    scored,
    notKnown,
    onTarget: scored > 0 ? onTarget / scored : 0,
    broken: scored > 0 ? broken / scored : 0,
    medianErrorSeconds: errors.length > 0 ? median(errors.map(Math.abs)) : null,
    biasSeconds: errors.length > 0 ? errors.reduce((a, b) => a + b, 0) / errors.length : null,
  };
}

/**
 * The index of the tick at `t` (the last one, should two share it), or undefined. Ticks come
 * in time order, a tick apart: the index is computed from `t` and checked against the tick
 * found there; only when that fails are all of them indexed by their time.
 */
function tickIndex(ticks: readonly Tick[], tickSeconds: number): (t: string) => number | undefined {
  const firstMs = ticks.length > 0 ? Date.parse((ticks[0] as Tick).t) : 0;
  let index: Map<string, number> | null = null;
  return (t) => {
    let i = Math.round((Date.parse(t) - firstMs) / (tickSeconds * 1000));
    if (i >= 0 && i < ticks.length && (ticks[i] as Tick).t === t) {
      while (i + 1 < ticks.length && (ticks[i + 1] as Tick).t === t) i++;
      return i;
    }
    if (index === null) {
      index = new Map();
      for (const [j, tick] of ticks.entries()) index.set(tick.t, j);
    }
    return index.get(t);
  };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
