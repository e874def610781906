/** TypeBox shapes of drills, their events and their reports, as the API answers them. */
import { Type } from '@sinclair/typebox';

export const DrillStatus = Type.Union([Type.Literal('running'), Type.Literal('stopped'), Type.Literal('finished'), Type.Literal('interrupted')]);

export const DrillDto = Type.Object({
  id: Type.String(),
  status: DrillStatus,
  scenario: Type.String({ description: "scenario name, e.g. 'feb3'" }),
  policy: Type.String(),
  speed: Type.Number({ description: 'time compression: 60 means one scenario minute per wall second' }),
  source: Type.Union([Type.Literal('generated'), Type.Literal('external')]),
  startedAt: Type.String(),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  scenarioStart: Type.String(),
  scenarioNow: Type.String(),
  scenarioEnd: Type.Union([Type.String(), Type.Null()], { description: 'null for an open-ended drill fed by live traffic' }),
  timezone: Type.String(),
  takeovers: Type.Array(Type.Object({
    at: Type.String({ description: 'wall time the new owner resumed' }),
    scenarioAt: Type.String({ description: 'scenario time of the checkpoint it resumed from' }),
    from: Type.Union([Type.String(), Type.Null()], { description: 'the instance that drove it before; null when unknown' }),
    to: Type.String({ description: 'the instance that went on with it' }),
  }), { description: 'where another instance went on with the drill after its owner died or left (several instances on PostgreSQL)' }),
});

/** an engine event (level change, scale decision, ...): its fields depend on its type */
export const EngineEvent = Type.Object({ type: Type.String(), service: Type.String(), t: Type.String() }, { additionalProperties: true });

/** the Replay JSON, the same as the offline replay writes */
export const ReplayResult = Type.Object({
  policy: Type.String(),
  ticks: Type.Array(Type.Object({}, { additionalProperties: true })),
  events: Type.Array(Type.Object({}, { additionalProperties: true })),
  notices: Type.Array(Type.Object({}, { additionalProperties: true })),
  summary: Type.Object({}, { additionalProperties: true }),
  takeovers: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }), { description: "a drill's report only: where another instance went on with it, as in the drill's takeovers" })),
});
