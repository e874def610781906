/** One service: its document merged over `defaults`, checked and compiled to a ServicePlan. */
import { compileBaseline, compileCapacity, compileCold, compileGrowth, compileStandby, compileWarmup } from './compile-capacity.js';
import { compileNotices } from './compile-notices.js';
import { compileScale } from './compile-scale.js';
import { compileSeries } from './compile-series.js';
import { compileTriggers } from './compile-triggers.js';
import { resolveHpaManifest, type ManifestLookup } from './hpa-reference.js';
import { SERVICE_DEFAULTS as D, secondsOr } from './plan-defaults.js';
import type { ServiceDocument } from './schema-service.js';
import { checkLevel, type ServiceContext } from './service-context.js';
import type { CapacityConfig, ServicePlan, ThrottleConfig } from './types.js';

function compileThrottle(doc: ServiceDocument, context: ServiceContext): ThrottleConfig {
  const throttle = doc.throttle ?? {};
  const levels = throttle.levels ?? [];
  levels.forEach((level, index) => checkLevel(context, ['throttle', 'levels', index], level, 'throttle.levels'));
  return {
    enabled: throttle.enabled ?? D.throttleEnabled,
    levels: [...levels],
    admitFraction: throttle.admitFraction ?? D.admitFraction,
    retryAfterSeconds: secondsOr(throttle.retryAfter, D.retryAfterSeconds),
    queueLimitSeconds: secondsOr(throttle.queueLimit, D.queueLimitSeconds),
  };
}

/**
 * When capacity cannot be compiled, the rest of the service is still checked against this
 * stand-in so that one run reports every error; the service itself is then dropped.
 */
function standInCapacity(doc: ServiceDocument): CapacityConfig {
  return {
    rpsPerServer: doc.capacity?.rpsPerServer ?? 1,
    targetUtilization: doc.capacity?.targetUtilization ?? D.targetUtilization,
    baseLatencyMs: doc.capacity?.baseLatencyMs ?? D.baseLatencyMs,
    sloLatencyMs: doc.capacity?.sloLatencyMs ?? D.sloLatencyMs,
    minServers: 0,
    maxServers: 0,
    initialServers: 0,
  };
}

/** The compiled service, or null when it has errors (reported through the context). */
export function compileService(
  doc: ServiceDocument,
  context: ServiceContext,
  planFile: string,
  readFile: ManifestLookup | undefined,
): ServicePlan | null {
  const resolved = resolveHpaManifest(doc, context, planFile, readFile);
  const hpa = resolved === 'failed' ? null : resolved;
  const compiled = resolved === 'failed' ? null : compileCapacity(doc, context, hpa);
  const capacity = compiled ?? standInCapacity(doc);
  const service: ServicePlan = {
    name: context.name,
    displayName: doc.displayName ?? context.name,
    displayNames: {
      en: doc.displayNames?.en ?? doc.displayName ?? context.name,
      'zh-CN': doc.displayNames?.['zh-CN'] ?? doc.displayName ?? context.name,
    },
    capacity,
    standby: compileStandby(doc),
    cold: compileCold(doc),
    warmup: compileWarmup(doc),
    baseline: compileBaseline(doc, capacity),
    growth: compileGrowth(doc),
    triggers: compileTriggers(doc, context, capacity.sloLatencyMs),
    scale: compileScale(doc, context, capacity, hpa),
    throttle: compileThrottle(doc, context),
    notices: compileNotices(doc, context),
    series: compileSeries(doc, context),
  };
  return compiled === null ? null : service;
}
