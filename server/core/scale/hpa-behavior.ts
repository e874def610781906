/**
 * HPA autoscaling/v2 `behavior`, after pkg/controller/podautoscaler/horizontal.go
 * (stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate,
 * calculateScaleUpLimitWithScalingRules, calculateScaleDownLimitWithBehaviors), with the
 * clock passed in as `now` (epoch ms). "Within a period" means strictly after now - period.
 */
import type { HpaBehavior, HpaScalingRules } from '../plan/types.js';
import type { ScaleReason } from './reasons.js';
import type { TimestampedRecommendation, TimestampedScaleEvent } from './types.js';

export interface Stabilized {
  replicas: number;
  recommendations: TimestampedRecommendation[];
}

/**
 * Clamps current between the lowest recommendation of the scale-up window and the highest of
 * the scale-down window (both including the new one), then records the new recommendation.
 * Entries older than both windows are dropped, and a repeat of the newest value only moves
 * its time forward: neither changes any later result and both keep the history short.
 */
export function stabilize(
  now: number,
  current: number,
  recommended: number,
  behavior: HpaBehavior,
  history: readonly TimestampedRecommendation[],
): Stabilized {
  const upCutoff = now - behavior.scaleUp.stabilizationWindowSeconds * 1000;
  const downCutoff = now - behavior.scaleDown.stabilizationWindowSeconds * 1000;
  let up = recommended;
  let down = recommended;
  const kept: TimestampedRecommendation[] = [];
  for (const rec of history) {
    if (rec.t > upCutoff) up = Math.min(up, rec.replicas);
    if (rec.t > downCutoff) down = Math.max(down, rec.replicas);
    if (rec.t >= upCutoff || rec.t >= downCutoff) kept.push(rec);
  }
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
  const last = kept[kept.length - 1];
  if (last && last.replicas === recommended) kept[kept.length - 1] = { t: now, replicas: recommended };
  else kept.push({ t: now, replicas: recommended });
  return { replicas, recommendations: kept };
}

function changeWithin(events: readonly TimestampedScaleEvent[], periodSeconds: number, now: number): number {
  const cutoff = now - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.t > cutoff) sum += e.change;
  return sum;
}

/**
 * The replica count the policies of one direction allow now: each policy proposes a count from
 * the fleet at the start of its period (Pods by a number, Percent by a share: rounded up when
 * scaling up, or a small Percent of a small fleet would never add a replica, truncated when
 * scaling down), and selectPolicy picks among them by the size of the change: Max allows the
 * most change, so the most replicas up and the fewest down.
 */
function policyLimit(
  direction: 'up' | 'down',
  current: number,
  up: readonly TimestampedScaleEvent[],
  down: readonly TimestampedScaleEvent[],
  rules: HpaScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const highest = (rules.selectPolicy === 'Max') === (direction === 'up');
  let result = highest ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const periodStart = current - changeWithin(up, p.periodSeconds, now) + changeWithin(down, p.periodSeconds, now);
    const proposed =
      direction === 'up'
        ? p.type === 'Pods' ? periodStart + p.value : Math.ceil(periodStart * (1 + p.value / 100))
        : p.type === 'Pods' ? periodStart - p.value : Math.trunc(periodStart * (1 - p.value / 100));
    result = highest ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

export interface RateLimited {
  replicas: number;
  /** the limit that applied, or null when the desired count was within range */
  limit: Extract<ScaleReason, 'ScaleUpLimit' | 'ScaleDownLimit' | 'TooManyServers' | 'TooFewServers'> | null;
}

export interface RateLimitInput {
  now: number;
  current: number;
  desired: number;
  minReplicas: number;
  maxReplicas: number;
  behavior: HpaBehavior;
  scaleUpEvents: readonly TimestampedScaleEvent[];
  scaleDownEvents: readonly TimestampedScaleEvent[];
}

export function limitRate(i: RateLimitInput): RateLimited {
  if (i.desired > i.current) {
    const limit = Math.max(policyLimit('up', i.current, i.scaleUpEvents, i.scaleDownEvents, i.behavior.scaleUp, i.now), i.current);
    const byRate = i.maxReplicas > limit;
    const maxAllowed = byRate ? limit : i.maxReplicas;
    if (i.desired > maxAllowed) return { replicas: maxAllowed, limit: byRate ? 'ScaleUpLimit' : 'TooManyServers' };
  } else if (i.desired < i.current) {
    const limit = Math.min(policyLimit('down', i.current, i.scaleUpEvents, i.scaleDownEvents, i.behavior.scaleDown, i.now), i.current);
    const byRate = i.minReplicas < limit;
    const minAllowed = byRate ? limit : i.minReplicas;
    if (i.desired < minAllowed) return { replicas: minAllowed, limit: byRate ? 'ScaleDownLimit' : 'TooFewServers' };
  }
  return { replicas: i.desired, limit: null };
}

function longestPeriodSeconds(rules: HpaScalingRules): number {
  return rules.policies.reduce((m, p) => Math.max(m, p.periodSeconds), 0);
}

/**
 * Records a change of size (storeScaleEvent); no change leaves the lists as they are. Events
 * past the longest policy period of their direction are dropped, which is what the HPA's
 * reuse of "outdated" slots amounts to.
 */
export function recordScaleEvent(
  now: number,
  current: number,
  desired: number,
  behavior: HpaBehavior,
  up: readonly TimestampedScaleEvent[],
  down: readonly TimestampedScaleEvent[],
): { scaleUpEvents: readonly TimestampedScaleEvent[]; scaleDownEvents: readonly TimestampedScaleEvent[] } {
  if (desired === current) return { scaleUpEvents: up, scaleDownEvents: down };
  const upCutoff = now - longestPeriodSeconds(behavior.scaleUp) * 1000;
  const downCutoff = now - longestPeriodSeconds(behavior.scaleDown) * 1000;
  const scaleUpEvents = up.filter((e) => e.t > upCutoff);
  const scaleDownEvents = down.filter((e) => e.t > downCutoff);
  if (desired > current) scaleUpEvents.push({ t: now, change: desired - current });
  if (desired < current) scaleDownEvents.push({ t: now, change: current - desired });
  return { scaleUpEvents, scaleDownEvents };
}
