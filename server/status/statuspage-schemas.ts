/**
 * The Statuspage v2 documents we serve, written once: TypeBox shapes for the API description
 * and the tests that check answers against it, and the TypeScript types derived from them,
 * which the builders here and the status page (type-only) use. The fields past Statuspage's
 * own are our extensions, described where they appear.
 */
import { Type, type Static } from '@sinclair/typebox';
import { COMPONENT_STATUSES, IMPACTS } from './levels.js';

const Time = Type.String({ format: 'date-time' });
const TimeOrNull = Type.Union([Time, Type.Null()]);
// Unsafe only restates the static type: a union built from a list (not a tuple) would read as never
const lits = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const ComponentStatus = lits(COMPONENT_STATUSES);
const Impact = lits(IMPACTS);
const Stage = lits(['investigating', 'identified', 'monitoring', 'resolved']);

export const SpPage = Type.Object({ id: Type.String(), name: Type.String(), url: Type.String(), time_zone: Type.String(), updated_at: Time });

export const SpComponent = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: ComponentStatus,
  created_at: Time,
  updated_at: Time,
  position: Type.Integer(),
  description: Type.Union([Type.String(), Type.Null()]),
  showcase: Type.Boolean(),
  start_date: Type.Union([Type.String(), Type.Null()]),
  group_id: Type.Union([Type.String(), Type.Null()]),
  page_id: Type.String(),
  group: Type.Boolean(),
  only_show_if_degraded: Type.Boolean(),
});

const SpAffectedComponent = Type.Object({ code: Type.String(), name: Type.String(), old_status: ComponentStatus, new_status: ComponentStatus });

const Translation = Type.Object({ title: Type.String(), body: Type.String(), cause: Type.String() });

export const SpIncidentUpdate = Type.Object({
  id: Type.String(),
  status: Stage,
  body: Type.String(),
  incident_id: Type.String(),
  created_at: Time,
  updated_at: Time,
  display_at: Time,
  affected_components: Type.Array(SpAffectedComponent),
  deliver_notifications: Type.Boolean(),
  custom_tweet: Type.Null(),
  tweet_id: Type.Null(),
  cause: Type.String({ description: 'extension: why the service is affected, in the chosen language' }),
  expected_delay_ms: Type.Number({ description: 'extension: extra wait a user can expect now, in milliseconds' }),
  expected_recovery_at: Type.Union([Time, Type.Null()], { description: 'extension: when the service is expected to recover; null when not known' }),
  expected_recovery_earliest_at: Type.Union([Time, Type.Null()], { description: 'extension: the earliest end of the recovery forecast range; null when not known' }),
  expected_recovery_latest_at: Type.Union([Time, Type.Null()], { description: 'extension: the latest end of the recovery forecast range; null when not known' }),
  next_update_at: Type.Union([Time, Type.Null()], { description: 'extension: when the next update is promised; null when none is' }),
  precautionary: Type.Boolean({ description: 'extension: true when users were fine at this update and the forecast saw them stay fine (an incident opened on demand alone): no delay or recovery to expect' }),
  translations: Type.Object({ en: Translation, 'zh-CN': Translation }, { description: 'extension: the update in every language: title, body and cause' }),
});

export const SpIncident = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Stage,
  impact: Impact,
  created_at: Time,
  updated_at: Time,
  monitoring_at: TimeOrNull,
  resolved_at: TimeOrNull,
  started_at: Time,
  shortlink: Type.String(),
  page_id: Type.String(),
  incident_updates: Type.Array(SpIncidentUpdate),
  components: Type.Array(SpComponent),
});

const SpStatus = Type.Object({ indicator: Impact, description: Type.String() });
const SpSummary = Type.Object({ page: SpPage, status: SpStatus, components: Type.Array(SpComponent), incidents: Type.Array(SpIncident), scheduled_maintenances: Type.Array(Type.Never()) });

export const STATUS_DOCUMENTS = {
  '/api/v2/summary.json': { summary: 'Statuspage v2 summary: status, components and unresolved incidents', schema: SpSummary },
  '/api/v2/status.json': { summary: 'Statuspage v2 status: the page indicator', schema: Type.Object({ page: SpPage, status: SpStatus }) },
  '/api/v2/components.json': { summary: 'Statuspage v2 components: one per service', schema: Type.Object({ page: SpPage, components: Type.Array(SpComponent) }) },
  '/api/v2/incidents.json': { summary: 'Statuspage v2 incidents: the latest 50, newest first', schema: Type.Object({ page: SpPage, incidents: Type.Array(SpIncident) }) },
  '/api/v2/incidents/unresolved.json': { summary: 'Statuspage v2 unresolved incidents', schema: Type.Object({ page: SpPage, incidents: Type.Array(SpIncident) }) },
} as const;

export const SpIncidentDocument = Type.Object({ page: SpPage, incident: SpIncident });

export type ComponentStatus = Static<typeof ComponentStatus>;
export type Impact = Static<typeof Impact>;
export type SpPage = Static<typeof SpPage>;
export type SpComponent = Static<typeof SpComponent>;
export type SpAffectedComponent = Static<typeof SpAffectedComponent>;
export type SpIncidentUpdate = Static<typeof SpIncidentUpdate>;
export type SpIncident = Static<typeof SpIncident>;
export type SpStatus = Static<typeof SpStatus>;
export type SpSummary = Static<typeof SpSummary>;
