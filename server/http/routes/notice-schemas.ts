/** TypeBox shapes of the notice routes' requests and answers. */
import { Type } from '@sinclair/typebox';
import type { IncidentStage } from '../../core/plan/types.js';

// spelt out so the type provider sees a tuple; the satisfies clause keeps it in step with IncidentStage
const STAGES = ['investigating', 'identified', 'monitoring', 'resolved'] as const satisfies readonly IncidentStage[];
const Stage = Type.Union(STAGES.map((s) => Type.Literal(s)) as [ReturnType<typeof Type.Literal<IncidentStage>>]);
const Text = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
export const NoticeTexts = Type.Object({ en: Text, 'zh-CN': Text }, { additionalProperties: false });

export const PostNotice = Type.Object({
  service: Type.String({ minLength: 1, maxLength: 64 }),
  stage: Stage,
  text: NoticeTexts,
  // the router refuses path parameters past 100 characters, so a longer id would publish a dead link
  incidentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  // what users are told is behind it; without one a notice names none (the scenario's cause
  // belongs to the engine's notices, not to an operator's)
  cause: Type.Optional(Type.Object({ en: Type.String({ minLength: 1, maxLength: 500 }), 'zh-CN': Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false })),
  expectedDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
  expectedRecoveryAt: Type.Optional(Type.String({ format: 'date-time' })),
  nextUpdateAt: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });

export const EditNotice = Type.Object({ text: NoticeTexts }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 160 }) });

const ByLanguage = Type.Object({ en: Type.String(), 'zh-CN': Type.String() });
export const NoticeSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  t: Type.String(),
  service: Type.String(),
  level: Type.String(),
  stage: Stage,
  cause: ByLanguage,
  multiple: Type.Number(),
  expectedDelayMs: Type.Number(),
  expectedRecoveryAt: Type.Union([Type.String(), Type.Null()]),
  recoveryEarliestAt: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'the earliest end of the recovery forecast range; null when not known' })),
  recoveryLatestAt: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'the latest end of the recovery forecast range; null when not known' })),
  nextUpdateAt: Type.Union([Type.String(), Type.Null()]),
  precautionary: Type.Optional(Type.Literal(true, { description: 'users were fine and the forecast saw them stay fine (an incident opened on demand alone): no delay or recovery to expect' })),
  text: Type.Object({ en: Type.Object({ title: Type.String(), body: Type.String() }), 'zh-CN': Type.Object({ title: Type.String(), body: Type.String() }) }),
});

export const Acknowledgement = Type.Object({ id: Type.Integer(), incidentId: Type.String(), by: Type.String(), at: Type.String() });
