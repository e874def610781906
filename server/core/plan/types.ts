/**
 * The compiled contingency plan: what every part of the engine reads.
 *
 * The YAML a team writes (see schema.ts) is loaded, validated and compiled into this shape
 * by compile.ts: durations become seconds, defaults are filled in, levels are ordered and
 * every service is complete. Engine code never sees the raw YAML.
 */

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** Metrics a trigger condition can test, all observed per service per tick. */
export type ConditionMetric =
  /** observed request rate, requests per second */
  | 'rps'
  /** rps divided by the learned baseline */
  | 'baselineMultiple'
  /** regression slope of rps over the growth window, percent of the baseline per minute */
  | 'growthPctPerMin'
  /** demand divided by the capacity of the servers able to serve now (0..n) */
  | 'utilization'
  /** observed (or simulated) user latency, milliseconds */
  | 'latencyMs'
  /** fraction of requests failing or refused, 0..1 */
  | 'errorRate';

export type ComparisonOp = '>' | '>=' | '<' | '<=';

export interface Condition {
  metric: ConditionMetric;
  op: ComparisonOp;
  value: number;
}

export interface ConditionGroup {
  combine: 'any' | 'all';
  conditions: Condition[];
}

export interface Trigger {
  /** the level this trigger raises the service to while firing */
  level: string;
  when: ConditionGroup;
  /** seconds `when` must hold continuously before the trigger fires */
  forSeconds: number;
  /** condition that must hold to clear; defaults to "not when" */
  clear: ConditionGroup | null;
  /** seconds `clear` must hold continuously before a firing trigger resolves */
  clearForSeconds: number;
}

export interface BaselineConfig {
  /** trailing window the baseline is learned over */
  windowSeconds: number;
  /** robust statistic of the window: median or a quantile (0..1) */
  quantile: number;
  /** samples taken while any trigger fires are left out, so a surge does not teach itself */
  freezeWhileFiring: boolean;
  /** a baseline to start from before enough history exists (requests per second) */
  initialRps: number;
}

export interface GrowthConfig {
  /** trailing window of the regression slope */
  windowSeconds: number;
}

export interface CapacityConfig {
  /** requests per second one server serves at its target utilisation */
  rpsPerServer: number;
  /** the utilisation rpsPerServer is measured at (0..1); the hard ceiling is rpsPerServer / targetUtilization */
  targetUtilization: number;
  /** service time of one request on an idle server, milliseconds */
  baseLatencyMs: number;
  /** the latency objective promised to users, milliseconds */
  sloLatencyMs: number;
  minServers: number;
  maxServers: number;
  initialServers: number;
}

export interface StandbyConfig {
  /** pre-provisioned, stopped servers ready to start */
  poolSize: number;
  /** seconds from activation of a standby server until it serves (boot + warm-up) */
  startSeconds: number;
}

export interface ColdConfig {
  /** seconds a new server spends provisioning before it starts */
  provisionSeconds: number;
  /** seconds from provisioned to serving (boot + warm-up) */
  startSeconds: number;
  /** cloud quota: at most this many new (cold) servers may begin provisioning per minute */
  quotaPerMinute: number;
}

export interface WarmupConfig {
  /** fraction of full capacity a server in its last `startSeconds` (warming) gives; 0 = none */
  startingCapacityFraction: number;
}

export type ScaleAction =
  | { kind: 'activate-standby'; count: number | null; percent: number | null }
  | { kind: 'add'; count: number | null; percent: number | null };

export type PolicyName = 'step' | 'target-tracking' | 'predictive' | 'none';
export const POLICY_NAMES: readonly PolicyName[] = ['step', 'target-tracking', 'predictive', 'none'];

/** A Kubernetes HPA behavior scaling policy: at most `value` Pods or Percent per `periodSeconds`. */
export interface HpaPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface HpaScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: HpaPolicy[];
}

export interface HpaBehavior {
  scaleUp: HpaScalingRules;
  scaleDown: HpaScalingRules;
}

export interface TargetTrackingConfig {
  /** the metric tracked: utilisation of serving servers (0..1) or rps per serving server */
  metric: 'utilization' | 'rpsPerServer';
  /** the target value of that metric */
  target: number;
  /** relative tolerance around 1.0 within which no change is made (HPA default 0.1) */
  tolerance: number;
  behavior: HpaBehavior;
  /** where the target came from: the plan itself or a HorizontalPodAutoscaler manifest (path) */
  source: 'plan' | string;
}

export interface PredictiveConfig {
  /** seconds ahead to forecast; null means the provisioning lead time (standby start or cold provision + start) */
  horizonSeconds: number | null;
  /** trailing window the forecast is fitted to */
  windowSeconds: number;
  /** utilisation the forecast demand is sized to */
  targetUtilization: number;
}

export interface ScaleInConfig {
  /** desired size is the highest recommendation within this trailing window (HPA-style) */
  stabilizationWindowSeconds: number;
  /** servers removed per minute at most */
  maxServersPerMinute: number;
  /** seconds a server drains before it stops */
  drainSeconds: number;
  /** standby servers go back to the pool when drained (true) or are released (false) */
  returnToStandby: boolean;
}

export interface ScaleConfig {
  /** the policy used unless a replay or drill overrides it */
  policy: PolicyName;
  /** step rules: actions taken when a level is entered (and repeated every cooldown while it holds) */
  stepRules: Record<string, ScaleAction[]>;
  /** seconds after a scale-out before the next scale-out decision of the step or predictive policy */
  cooldownSeconds: number;
  targetTracking: TargetTrackingConfig;
  predictive: PredictiveConfig;
  scaleIn: ScaleInConfig;
}

export interface ThrottleConfig {
  enabled: boolean;
  /** levels at which throttling is allowed; empty means whenever demand exceeds capacity */
  levels: string[];
  /** admit up to this fraction of the fleet's hard capacity; the rest is throttled (429) */
  admitFraction: number;
  /** Retry-After sent with a 429, seconds */
  retryAfterSeconds: number;
  /** the backlog may hold at most this many seconds of full-capacity work; the rest is dropped (503) */
  queueLimitSeconds: number;
}

export type IncidentStage = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export const INCIDENT_STAGES: readonly IncidentStage[] = ['investigating', 'identified', 'monitoring', 'resolved'];

export interface NoticeText {
  title: string;
  body: string;
}

export interface NoticeConfig {
  /** per level, per stage, per language; placeholders: {service} {cause} {multiple} {delay} {recovery} {nextUpdate} {level} */
  templates: Record<string, Partial<Record<IncidentStage, Record<Language, NoticeText>>>>;
  /** the cause named in notices of this service, per language */
  cause: Record<Language, string>;
  /** seconds between notice updates while an incident is open */
  updateEverySeconds: number;
  /** seconds an incident stays in a stage before it may move to another open stage: notices do not flap */
  minStageSeconds: number;
  /** the lowest level that opens an incident */
  openAtLevel: string;
}

/** A Prometheus label matcher, as in a PromQL selector. */
export interface LabelMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/**
 * Maps Prometheus series (from remote write) to a service's observed metrics. A counter
 * (e.g. http_requests_total, k6_http_reqs_total) becomes a per-second rate between samples.
 */
export interface SeriesMapping {
  metric: string;
  matchers: LabelMatcher[];
  kind: 'counter' | 'gauge';
  measures: 'rps' | 'latencyMs' | 'errorRate';
}

export interface ServicePlan {
  name: string;
  displayName: string;
  /** the name users read in each language (displayName where the plan gives none) */
  displayNames: Record<Language, string>;
  capacity: CapacityConfig;
  standby: StandbyConfig;
  cold: ColdConfig;
  warmup: WarmupConfig;
  baseline: BaselineConfig;
  growth: GrowthConfig;
  triggers: Trigger[];
  scale: ScaleConfig;
  throttle: ThrottleConfig;
  notices: NoticeConfig;
  /** remote-write series feeding this service; empty when it is fed only by JSON batches or traffic */
  series: SeriesMapping[];
}

export interface Plan {
  name: string;
  /** IANA time zone the plan's people live in; used for times shown in notices */
  timezone: string;
  /** engine tick, seconds */
  tickSeconds: number;
  /** severity order, lowest first; 'normal' is always first */
  levels: string[];
  services: Record<string, ServicePlan>;
}
