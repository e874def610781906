import type { Notice } from '../engine/types.js';
import type { IncidentStage, Language, NoticeText, ServicePlan } from '../plan/types.js';
import { LANGUAGES } from '../plan/types.js';
import type { IncidentInput } from './incident-state.js';
import { renderNotice, type NoticeValues } from './render.js';
import { KEEPING_UP_TEMPLATE, MONITORING_TEMPLATE, NOT_KNOWN_TEMPLATE, PRECAUTION_TEMPLATE, RISING_NOT_KNOWN_TEMPLATE } from './forecast-templates.js';
import { selectTemplate } from './template-select.js';

export interface NoticeSpec {
  incidentId: string;
  /** 1 for the incident's first notice */
  n: number;
  level: string;
  stage: IncidentStage;
  expectedRecoveryAt: number | null;
  /** the range around expectedRecoveryAt; null for a resolved notice */
  recoveryRange: { earliest: number | null; latest: number | null } | null;
  nextUpdateAt: number | null;
  /** a "not known yet" that hangs on a steep rise still going on rather than on the horizon */
  stillRising: boolean;
  /** users are fine and the forecast sees them stay fine: no recovery to promise */
  precautionary: boolean;
}

/** One notice with its numbers and its text in every language, rendered from the plan's templates. */
export function buildNotice(service: ServicePlan, timezone: string, input: IncidentInput, spec: NoticeSpec): Notice {
  const range = spec.expectedRecoveryAt === null ? null : spec.recoveryRange;
  const values: NoticeValues = {
    service: service.displayName,
    cause: service.notices.cause,
    // the number in the notice is the one its text shows
    multiple: Math.round(input.baselineMultiple * 10) / 10,
    expectedDelayMs: Math.max(Math.round(input.expectedDelayMs), 0),
    expectedRecoveryAt: spec.expectedRecoveryAt,
    recoveryEarliestAt: range?.earliest ?? null,
    recoveryLatestAt: range?.latest ?? null,
    nextUpdateAt: spec.nextUpdateAt,
    level: spec.level,
    t: input.t,
  };
  const templates =
    spec.stage === 'monitoring' ? (spec.precautionary ? KEEPING_UP_TEMPLATE : MONITORING_TEMPLATE)
    : spec.precautionary ? PRECAUTION_TEMPLATE
    : spec.stage !== 'resolved' && spec.expectedRecoveryAt === null ? (spec.stillRising ? RISING_NOT_KNOWN_TEMPLATE : NOT_KNOWN_TEMPLATE)
    : selectTemplate(service.notices.templates, input.levels, spec.level, spec.stage);
  const text = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, renderNotice(templates[lang], { ...values, service: service.displayNames[lang] }, lang, timezone)]),
  ) as Record<Language, NoticeText>;
  return {
    id: `${spec.incidentId}-${spec.n}`,
    incidentId: spec.incidentId,
    t: iso(input.t),
    service: service.name,
    level: spec.level,
    stage: spec.stage,
    cause: { ...service.notices.cause },
    multiple: values.multiple,
    expectedDelayMs: values.expectedDelayMs,
    expectedRecoveryAt: spec.expectedRecoveryAt === null ? null : iso(spec.expectedRecoveryAt),
    recoveryEarliestAt: range?.earliest == null ? null : iso(range.earliest),
    recoveryLatestAt: range?.latest == null ? null : iso(range.latest),
    nextUpdateAt: spec.nextUpdateAt === null ? null : iso(spec.nextUpdateAt),
    ...(spec.precautionary ? { precautionary: true as const } : {}),
    text,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
