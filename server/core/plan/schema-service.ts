/**
 * The schema of one service as written in YAML. Every key is optional here because a plan's
 * `defaults` may supply it; what must be present after merging is checked in compile-service.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CONDITION_METRICS, CONDITION_PATTERN, COMPARISON_OPS, THRESHOLD_PATTERN } from './condition.js';
import { HpaBehaviorSchema } from './schema-behavior.js';
import {
  countOrPercent, duration, fraction, maxServers, name, namedMap, positive, servers, stringEnum, TEXT_LIMITS,
} from './schema-primitives.js';
import { SERVICE_KINDS } from './service-kind.js';
import { NoticesSchema } from './schema-notices.js';

const CONDITION_TITLE = 'a condition like "utilization >= 0.9" or {metric, op, value}';

const ConditionSchema = Type.Union(
  [
    Type.String({ pattern: CONDITION_PATTERN, maxLength: TEXT_LIMITS.sentence, title: 'a condition like "utilization >= 0.9"' }),
    Type.Object(
      {
        metric: stringEnum(CONDITION_METRICS, { title: 'a metric name', description: 'The observed metric to compare.' }),
        op: stringEnum(COMPARISON_OPS, { title: 'a comparison', description: 'How the metric is compared with the value.' }),
        value: Type.Union(
          [Type.Number(), Type.String({ pattern: THRESHOLD_PATTERN })],
          { title: 'a number, "slo" or "0.5*slo"', description: 'The threshold; "slo" means this service\'s capacity.sloLatencyMs.' },
        ),
      },
      { additionalProperties: false, title: 'a condition {metric, op, value}', description: 'A condition in object form.' },
    ),
  ],
  {
    title: CONDITION_TITLE,
    description: 'Metric, comparison and threshold, e.g. "utilization >= 0.9" or "latencyMs >= slo". Metrics: rps, baselineMultiple, growthPctPerMin, utilization (0..n), latencyMs, errorRate (0..1). Comparisons: > >= < <=.',
  },
);

const conditionList = (combine: string) =>
  Type.Array(ConditionSchema, { minItems: 1, title: 'a list of conditions', description: `Holds when ${combine} of these conditions hold.` });

const ConditionGroupSchema = Type.Object(
  { any: Type.Optional(conditionList('any')), all: Type.Optional(conditionList('all')) },
  {
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    title: 'either {any: [conditions]} or {all: [conditions]}',
    description: 'Conditions combined with any (or) or all (and).',
  },
);

const TriggerSchema = Type.Object(
  {
    level: name('The level this trigger raises the service to while it fires; one of `levels`.'),
    when: ConditionGroupSchema,
    for: Type.Optional(duration('How long `when` must hold without a break before the trigger fires. Default 1m.')),
    clear: Type.Optional(ConditionGroupSchema),
    clearFor: Type.Optional(duration('How long `clear` (or, without it, "not when") must hold before a firing trigger resolves. Default 5m.')),
  },
  { additionalProperties: false, title: 'a trigger {level, when, for, clear, clearFor}', description: 'A surge trigger with hysteresis.' },
);

const ScaleActionSchema = Type.Object(
  {
    activateStandby: Type.Optional(countOrPercent('Start this many standby servers, or this percentage of the standby pool.')),
    add: Type.Optional(countOrPercent('Provision this many new (cold) servers, or this percentage of the current fleet.')),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    title: 'one action: {activateStandby: N or "N%"} or {add: N or "N%"}',
    description: 'One scale-out action.',
  },
);

const ScaleSchema = Type.Object(
  {
    policy: Type.Optional(stringEnum(['step', 'target-tracking', 'predictive', 'none'] as const, {
      title: 'a policy name', description: 'The scaling policy used unless a drill or replay overrides it. Default step.',
    })),
    cooldown: Type.Optional(duration('Time after a scale-out before the step or predictive policy scales out again. Default 5m (the AWS default cooldown).')),
    rules: Type.Optional(namedMap(
      Type.Array(ScaleActionSchema, { title: 'a list of actions', description: 'Actions taken on entering the level, repeated every cooldown while it holds.' }),
      'Step rules: for each level, the actions taken when the service enters it.',
      'a map from level to a list of actions',
    )),
    targetTracking: Type.Optional(Type.Object(
      {
        metric: Type.Optional(stringEnum(['utilization', 'rpsPerServer'] as const, { title: '"utilization" or "rpsPerServer"', description: 'The metric kept at the target. Default utilization.' })),
        target: Type.Optional(positive('a number above 0', 'The target value: a utilisation (0..1) or requests per second per server. Default capacity.targetUtilization.')),
        tolerance: Type.Optional(fraction('No change while current/target is within 1 ± tolerance. Default 0.1 (the Kubernetes default).')),
        behavior: Type.Optional(HpaBehaviorSchema),
        hpaManifest: Type.Optional(Type.String({
          minLength: 1,
          maxLength: TEXT_LIMITS.path,
          title: 'a path to a HorizontalPodAutoscaler YAML file',
          description: 'A Kubernetes autoscaling/v2 HorizontalPodAutoscaler manifest, relative to this plan file. Its metric, target, behavior and min/maxReplicas are used wherever this plan does not write its own (values written here win).',
        })),
      },
      { additionalProperties: false, title: 'target tracking {metric, target, tolerance, behavior, hpaManifest}', description: 'Target tracking with Kubernetes HPA semantics.' },
    )),
    predictive: Type.Optional(Type.Object(
      {
        horizon: Type.Optional(duration('How far ahead to forecast. Default: the provisioning lead time (standby start, or cold provision + start).')),
        window: Type.Optional(duration('The trailing window the forecast is fitted to. Default 30m.')),
        targetUtilization: Type.Optional(fraction('The utilisation forecast demand is sized to. Default capacity.targetUtilization.', undefined, true)),
      },
      { additionalProperties: false, title: 'predictive scaling {horizon, window, targetUtilization}', description: 'Forecast-driven scaling.' },
    )),
    scaleIn: Type.Optional(Type.Object(
      {
        stabilizationWindow: Type.Optional(duration('Scale in only to the highest recommendation within this trailing window. Default 5m (Kubernetes).')),
        maxServersPerMinute: Type.Optional(servers('At most this many servers removed per minute. Default 10.')),
        drain: Type.Optional(duration('How long a server drains before it stops. Default 60s.')),
        returnToStandby: Type.Optional(Type.Boolean({ title: 'true or false', description: 'Drained standby servers go back to the pool (true) or are released (false). Default true.' })),
      },
      { additionalProperties: false, title: 'scale-in {stabilizationWindow, maxServersPerMinute, drain, returnToStandby}', description: 'How the fleet shrinks after a surge.' },
    )),
  },
  { additionalProperties: false, title: 'scaling {policy, cooldown, rules, targetTracking, predictive, scaleIn}', description: 'How the service adds and removes servers.' },
);

const SeriesSchema = Type.Object(
  {
    metric: Type.String({ pattern: '^[a-zA-Z_:][a-zA-Z0-9_:]*$', maxLength: TEXT_LIMITS.name, title: 'a Prometheus metric name', description: 'The metric name (__name__), e.g. http_requests_total.' }),
    matchers: Type.Optional(Type.Record(
      Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$', maxLength: TEXT_LIMITS.name }),
      Type.String({ maxLength: TEXT_LIMITS.sentence, title: 'a label value', description: 'Matched exactly; prefix "~" for a regex (=~), "!" for not equal (!=), "!~" for a regex that must not match. "{service}" stands for the service name.' }),
      {
        additionalProperties: false,
        title: 'a map from label name to value',
        description: 'Label matchers as in PromQL: "value" is =, "~regex" is =~, "!value" is !=, "!~regex" is !~. Regexes are anchored. "{service}" is replaced by the service name.',
      },
    )),
    kind: Type.Optional(stringEnum(['counter', 'gauge'] as const, { title: '"counter" or "gauge"', description: 'A counter becomes a per-second rate between samples. Default counter when the name ends in _total, else gauge.' })),
    measures: Type.Optional(stringEnum(['rps', 'latencyMs', 'errorRate'] as const, { title: '"rps", "latencyMs" or "errorRate"', description: 'Which observed metric of the service this series feeds. Default rps.' })),
  },
  { additionalProperties: false, title: 'a series mapping {metric, matchers, kind, measures}', description: 'Maps Prometheus remote-write series to this service.' },
);

export const ServiceSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, title: 'a display name', description: 'The name users see in notices and on the dashboard. Default: the service key.' })),
    displayNames: Type.Optional(Type.Object(
      {
        en: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, title: 'a display name in English' })),
        'zh-CN': Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, title: 'a display name in Simplified Chinese' })),
      },
      { additionalProperties: false, title: 'display names by language {en, zh-CN}', description: 'The name in each language, for notices, the status page and the dashboard in that language. Default: displayName.' },
    )),
    kind: Type.Optional(stringEnum(SERVICE_KINDS, {
      title: `one of ${SERVICE_KINDS.join(', ')}`,
      description: 'What users do with the service, so the built-in notices name it ("Messages and notifications may take..."). Default: read from the service key (chat, messaging -> messaging; meetings, video -> meetings; docs, documents -> documents), else generic.',
    })),
    capacity: Type.Optional(Type.Object(
      {
        rpsPerServer: Type.Optional(positive('a number of requests per second', 'Requests per second one server serves at its target utilisation. Required (here or in defaults).')),
        targetUtilization: Type.Optional(fraction('The utilisation rpsPerServer is measured at; the hard ceiling of a server is rpsPerServer / targetUtilization. Default 0.7.', undefined, true)),
        baseLatencyMs: Type.Optional(positive('a number of milliseconds', 'Service time of one request on an idle server, milliseconds. Default 50.')),
        sloLatencyMs: Type.Optional(positive('a number of milliseconds', 'The latency objective promised to users, milliseconds; "slo" in conditions. Default 500.')),
        minServers: Type.Optional(servers('The fleet never shrinks below this. Default 1, or minReplicas of an HPA manifest.')),
        maxServers: Type.Optional(maxServers('The fleet never grows beyond this. Required (here, in defaults, or as maxReplicas of an HPA manifest). At most 1,000,000.')),
        initialServers: Type.Optional(servers('Servers serving when the drill starts. Default minServers.')),
      },
      { additionalProperties: false, title: 'capacity {rpsPerServer, targetUtilization, baseLatencyMs, sloLatencyMs, minServers, maxServers, initialServers}', description: 'What one server can do and how large the fleet may be.' },
    )),
    standby: Type.Optional(Type.Object(
      {
        poolSize: Type.Optional(servers('Pre-provisioned, stopped servers ready to start. Default 0.')),
        start: Type.Optional(duration('From activation until a standby server serves (boot and warm-up). Default 90s.')),
      },
      { additionalProperties: false, title: 'standby {poolSize, start}', description: 'The pool of temporary standby servers.' },
    )),
    cold: Type.Optional(Type.Object(
      {
        provision: Type.Optional(duration('How long a new server spends provisioning before it starts. Default 4m.')),
        start: Type.Optional(duration('From provisioned until serving (boot and warm-up). Default 60s.')),
        quotaPerMinute: Type.Optional(servers('Cloud quota: at most this many new servers begin provisioning per minute. Default 10.')),
      },
      { additionalProperties: false, title: 'cold servers {provision, start, quotaPerMinute}', description: 'New servers bought from the cloud.' },
    )),
    warmup: Type.Optional(Type.Object(
      { startingCapacityFraction: Type.Optional(fraction('Fraction of full capacity a starting server gives while it warms up; 0 = none until ready. Default 0.')) },
      { additionalProperties: false, title: 'warm-up {startingCapacityFraction}', description: 'How starting servers contribute.' },
    )),
    baseline: Type.Optional(Type.Object(
      {
        window: Type.Optional(duration('The trailing window the normal request rate is learned over. Default 24h.')),
        quantile: Type.Optional(fraction('The quantile of the window taken as normal; 0.5 is the median. Default 0.5.')),
        freezeWhileFiring: Type.Optional(Type.Boolean({ title: 'true or false', description: 'Leave out samples taken while a trigger fires, so a surge does not become normal. Default true.' })),
        initialRps: Type.Optional(Type.Number({ minimum: 0, title: 'a number of requests per second', description: 'The normal rate assumed before enough history exists. Default: half the initial fleet\'s rpsPerServer capacity.' })),
      },
      { additionalProperties: false, title: 'baseline {window, quantile, freezeWhileFiring, initialRps}', description: 'How the normal request rate (baselineMultiple = rps / baseline) is learned.' },
    )),
    growth: Type.Optional(Type.Object(
      { window: Type.Optional(duration('The trailing window of the rps regression slope behind growthPctPerMin. Default 10m.')) },
      { additionalProperties: false, title: 'growth {window}', description: 'How growthPctPerMin is measured.' },
    )),
    triggers: Type.Optional(Type.Array(TriggerSchema, { title: 'a list of triggers', description: 'Surge triggers; the service is at the highest level whose trigger fires. Default none.' })),
    scale: Type.Optional(ScaleSchema),
    throttle: Type.Optional(Type.Object(
      {
        enabled: Type.Optional(Type.Boolean({ title: 'true or false', description: 'Whether requests beyond capacity are refused with 429 rather than queued. Default false.' })),
        levels: Type.Optional(Type.Array(name('A level name.'), { uniqueItems: true, title: 'a list of level names', description: 'Levels at which throttling is allowed; empty means whenever demand exceeds capacity. Default [].' })),
        admitFraction: Type.Optional(fraction('Admit up to this fraction of the fleet\'s hard capacity; the rest gets 429. Default 1.', undefined, true)),
        retryAfter: Type.Optional(duration('Retry-After sent with a 429. Default 30s.')),
        queueLimit: Type.Optional(duration('The backlog holds at most this much full-capacity work; the rest is dropped (503). Default 30s.')),
      },
      { additionalProperties: false, title: 'throttling {enabled, levels, admitFraction, retryAfter, queueLimit}', description: 'Traffic throttling.' },
    )),
    notices: Type.Optional(NoticesSchema),
    series: Type.Optional(Type.Array(SeriesSchema, { title: 'a list of series mappings', description: 'Prometheus remote-write series feeding this service. Default none.' })),
  },
  { additionalProperties: false, title: 'a service', description: 'One service of the plan; keys left out come from `defaults`, then from built-in defaults.' },
);

export type ServiceDocument = Static<typeof ServiceSchema>;
