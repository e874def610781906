import { Type, type Static } from '@sinclair/typebox';
import { POLICY_NAMES } from '../core/plan/types.js';

export const StartDrillBody = Type.Object(
  {
    scenario: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', default: 'feb3', description: 'a bundled scenario by name, e.g. feb3' }),
    // below 1 a tick would wait longer than timers can count (2^31 ms) and fire at once instead
    speed: Type.Number({ minimum: 1, maximum: 10_000, default: 60, description: 'time compression from 1 (real time) to 10,000; 60 plays a scenario minute per wall second. The plan\'s tick sets a lower ceiling: a wall tick of at least 20 ms' }),
    source: Type.Union([Type.Literal('generated'), Type.Literal('external')], {
      default: 'generated',
      description: "'generated': the server plays the scenario's demand; 'external': demand is the traffic or metrics that arrive",
    }),
    policy: Type.Optional(Type.Union(POLICY_NAMES.map((p) => Type.Literal(p)), { description: 'force one scale policy on every service' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'scenario time to start at (default: the scenario start)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'scenario time to end at (default: the scenario end)' })),
    demandFrom: Type.Optional(Type.Union([Type.Literal('traffic'), Type.Literal('metrics')], {
      description: "external drills: count requests to /t/:service/* ('traffic', default) or take rates from /api/v1/metrics and /api/v1/write ('metrics')",
    })),
    scale: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: "users' requests one counted request or metric unit stands for (default 1)" })),
  },
  { additionalProperties: false },
);
export type StartDrillBody = Static<typeof StartDrillBody>;

export const ScaleBody = Type.Object(
  {
    service: Type.String({ minLength: 1, maxLength: 64 }),
    desired: Type.Integer({ minimum: 0, maximum: 100_000, description: 'servers wanted (active + starting + provisioning)' }),
  },
  { additionalProperties: false },
);
export type ScaleBody = Static<typeof ScaleBody>;
