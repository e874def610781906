/** Capacity, standby and cold servers, warm-up, baseline and growth of one service. */
import type { HpaSettings } from './hpa-manifest.js';
import { SERVICE_DEFAULTS as D, secondsOr } from './plan-defaults.js';
import type { ServiceDocument } from './schema-service.js';
import type { ServiceContext } from './service-context.js';
import type { BaselineConfig, CapacityConfig, ColdConfig, GrowthConfig, StandbyConfig, WarmupConfig } from './types.js';

function required(context: ServiceContext, key: string, value: number | undefined, expected: string): value is number {
  if (value !== undefined) return true;
  context.report('plan.missing', ['capacity', key], `missing required key "${key}" (in this service or in defaults): expected ${expected}`);
  return false;
}

export function compileCapacity(doc: ServiceDocument, context: ServiceContext, hpa: HpaSettings | null): CapacityConfig | null {
  const given = doc.capacity ?? {};
  const rpsPerServer = given.rpsPerServer;
  const maxServers = given.maxServers ?? hpa?.maxReplicas;
  const hasRps = required(context, 'rpsPerServer', rpsPerServer, 'a number of requests per second');
  const hasMax = required(context, 'maxServers', maxServers, 'a whole number of servers');
  if (!hasRps || !hasMax) return null;
  const minServers = given.minServers ?? hpa?.minReplicas ?? D.minServers;
  const initialServers = given.initialServers ?? minServers;
  if (minServers > maxServers) {
    const at = context.written(['capacity', 'minServers']) ? 'minServers' : 'maxServers';
    context.report('plan.servers', ['capacity', at], `minServers (${minServers}) is greater than maxServers (${maxServers})`);
    return null;
  }
  if (initialServers < minServers || initialServers > maxServers) {
    context.report('plan.servers', ['capacity', 'initialServers'], `expected initialServers from minServers (${minServers}) to maxServers (${maxServers}), got ${initialServers}`);
    return null;
  }
  return {
    rpsPerServer,
    targetUtilization: given.targetUtilization ?? D.targetUtilization,
    baseLatencyMs: given.baseLatencyMs ?? D.baseLatencyMs,
    sloLatencyMs: given.sloLatencyMs ?? D.sloLatencyMs,
    minServers,
    maxServers,
    initialServers,
  };
}

export function compileStandby(doc: ServiceDocument): StandbyConfig {
  return {
    poolSize: doc.standby?.poolSize ?? D.standbyPoolSize,
    startSeconds: secondsOr(doc.standby?.start, D.standbyStartSeconds),
  };
}

export function compileCold(doc: ServiceDocument): ColdConfig {
  return {
    provisionSeconds: secondsOr(doc.cold?.provision, D.provisionSeconds),
    startSeconds: secondsOr(doc.cold?.start, D.coldStartSeconds),
    quotaPerMinute: doc.cold?.quotaPerMinute ?? D.quotaPerMinute,
  };
}

export function compileWarmup(doc: ServiceDocument): WarmupConfig {
  return { startingCapacityFraction: doc.warmup?.startingCapacityFraction ?? D.startingCapacityFraction };
}

export function compileBaseline(doc: ServiceDocument, capacity: CapacityConfig): BaselineConfig {
  return {
    windowSeconds: secondsOr(doc.baseline?.window, D.baselineWindowSeconds),
    quantile: doc.baseline?.quantile ?? D.baselineQuantile,
    freezeWhileFiring: doc.baseline?.freezeWhileFiring ?? D.freezeWhileFiring,
    initialRps: doc.baseline?.initialRps ?? capacity.initialServers * capacity.rpsPerServer * D.initialRpsFraction,
  };
}

export function compileGrowth(doc: ServiceDocument): GrowthConfig {
  return { windowSeconds: secondsOr(doc.growth?.window, D.growthWindowSeconds) };
}
