/** A small, complete ServicePlan for the fleet tests, with any section overridden in part. */
import type {
  CapacityConfig,
  ColdConfig,
  ScaleInConfig,
  ServicePlan,
  StandbyConfig,
  ThrottleConfig,
  WarmupConfig,
} from '../plan/types.js';

export interface TestPlanPatch {
  capacity?: Partial<CapacityConfig>;
  standby?: Partial<StandbyConfig>;
  cold?: Partial<ColdConfig>;
  warmup?: Partial<WarmupConfig>;
  scaleIn?: Partial<ScaleInConfig>;
  throttle?: Partial<ThrottleConfig>;
}

const noRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max' as const, policies: [] };

/** 10 servers of 70 rps at 0.7 utilisation (100 rps hard ceiling each), a pool of 5 standby, cold quota 4/min. */
export function testService(patch: TestPlanPatch = {}): ServicePlan {
  return {
    name: 'messaging',
    displayName: 'Messaging',
  displayNames: { en: 'Messaging', 'zh-CN': 'Messaging' },
    capacity: {
      rpsPerServer: 70,
      targetUtilization: 0.7,
      baseLatencyMs: 80,
      sloLatencyMs: 300,
      minServers: 2,
      maxServers: 40,
      initialServers: 10,
      ...patch.capacity,
    },
    standby: { poolSize: 5, startSeconds: 30, ...patch.standby },
    cold: { provisionSeconds: 120, startSeconds: 60, quotaPerMinute: 4, ...patch.cold },
    warmup: { startingCapacityFraction: 0, ...patch.warmup },
    baseline: { windowSeconds: 3600, quantile: 0.5, freezeWhileFiring: true, initialRps: 500 },
    growth: { windowSeconds: 300 },
    triggers: [],
    scale: {
      policy: 'none',
      stepRules: {},
      cooldownSeconds: 60,
      targetTracking: {
        metric: 'utilization',
        target: 0.7,
        tolerance: 0.1,
        behavior: { scaleUp: noRules, scaleDown: noRules },
        source: 'plan',
      },
      predictive: { horizonSeconds: null, windowSeconds: 600, targetUtilization: 0.7 },
      scaleIn: { stabilizationWindowSeconds: 300, maxServersPerMinute: 5, drainSeconds: 60, returnToStandby: true, ...patch.scaleIn },
    },
    throttle: {
      enabled: true,
      levels: ['surge'],
      admitFraction: 0.9,
      retryAfterSeconds: 30,
      queueLimitSeconds: 10,
      ...patch.throttle,
    },
    notices: {
      templates: {},
      cause: { en: 'a surge of remote work', 'zh-CN': '远程办公流量激增' },
      updateEverySeconds: 600,
      minStageSeconds: 0,
      openAtLevel: 'surge',
    },
    series: [],
  };
}
