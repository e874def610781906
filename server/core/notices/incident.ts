import type { CoreEvent, Notice, RecoveryForecast } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { nextStage } from './incident-stage.js';
import type { IncidentInput, IncidentState, OpenIncident, OpenStage } from './incident-state.js';
import { buildNotice } from './notice-build.js';

/** After a forecast saw the service slip again, how long before a stage change asks again. */
const CALM_RECHECK_MS = 120_000;
/**
 * While users are affected, the forecast is asked again whether the latest notice still holds:
 * a minute after the notice, then at twice the time since it (1, 2, 4, 8 minutes ...) until the
 * next scheduled update, and every minute while a steep rise goes on. Backing off keeps a long
 * incident cheap; a notice whose promise is as good as ever gives no reason to post again.
 */
const ASK_AGAIN_MS = 60_000;

/**
 * No time, and how long demand keeps climbing decides it: the forecast said so, or it foresees
 * no recovery while demand climbs very steeply (carried on, such a rise outgrows any fleet).
 * The notice says the rise is why; the forecast is asked again every minute.
 */
const hingesOnRise = (f: RecoveryForecast): boolean => f.at === null && (f.askAgain === true || f.steepRise === true);

/**
 * The latest notice said "not known yet": no time, though users were held up (a monitoring
 * notice or a precaution promises no time either, but it said users were fine).
 */
const saidNotKnown = (open: OpenIncident): boolean => open.expectedRecoveryAt === null && open.stage !== 'monitoring' && open.precautionary !== true;

/** What a notice promises, and when the forecast is next asked whether it still holds. */
interface NoticePromise {
  at: number | null;
  earliest: number | null;
  latest: number | null;
  askAgainAt: number | null;
  stillRising: boolean;
  precautionary: boolean;
}

/**
 * What a notice may promise. "monitoring": nothing (users are fine; the text says so). While
 * users are affected: the forecast's recovery, which is after now by construction, or null
 * ("not known yet") when it foresees none within its horizon. An incident opened on demand
 * alone, with users fine and the forecast seeing them stay fine: nothing either, as a
 * precaution (a time would be the next tick, "normal service by" the minute it was published,
 * under a title saying the service is slower than usual); the forecast is asked again a minute
 * later, so that once the precaution has stood for minStageSeconds, users held up hear a time
 * or "not known yet".
 */
function promise(stage: OpenStage, input: IncidentInput, afterPrecaution = false): NoticePromise {
  // watching after a precaution is still one: users were told of no delay, not of a recovery
  if (stage === 'monitoring') return { at: null, earliest: null, latest: null, askAgainAt: null, stillRising: false, precautionary: afterPrecaution };
  const f = input.forecast();
  if (!input.usersAffected && f.calmAhead) return { at: null, earliest: null, latest: null, askAgainAt: input.t + ASK_AGAIN_MS, stillRising: false, precautionary: true };
  return { at: f.at, earliest: f.earliest, latest: f.latest, askAgainAt: askAgainAfter(input, f, ASK_AGAIN_MS), stillRising: hingesOnRise(f), precautionary: false };
}

/**
 * When to ask the forecast again, `waitMs` from now at the soonest: every minute during a
 * steep rise; never before the next scheduled update when the whole horizon holds no calm
 * and no server is on its way, since then only demand can bring a time, and each question
 * runs hours ahead (asking every few minutes made a replay without scaling twice as slow).
 */
function askAgainAfter(input: IncidentInput, f: RecoveryForecast, waitMs: number): number | null {
  if (hingesOnRise(f)) return input.t + ASK_AGAIN_MS;
  if (f.at === null && f.earliest === null && !input.scalingOut) return null;
  return input.t + Math.max(ASK_AGAIN_MS, waitMs);
}

/**
 * Whether a higher level, or the move from investigating to identified, waits to be announced
 * with a time: the latest notice said "not known yet", a steep rise goes on and the forecast
 * still cannot give a time. Another "not known yet" a minute or two after the first tells
 * users nothing new (that the rise goes on is why the time is not known); the change is
 * announced once the forecast, asked again every minute, gives a time, or at the next
 * scheduled update, whichever comes first.
 */
function quietUntilKnown(open: OpenIncident, input: IncidentInput, stage: OpenStage, level: string): boolean {
  const news = (open.stage === 'investigating' && stage === 'identified') || input.levels.indexOf(level) > input.levels.indexOf(open.level);
  if (!news || !saidNotKnown(open) || input.t >= open.nextUpdateAt) return false;
  const f = input.forecast();
  return hingesOnRise(f);
}

/** Why an open incident published an update: a closed set. */
export type UpdateReason = 'stage-changed' | 'level-rose' | 'periodic' | 'recovery-known' | 'estimate-changed';
export const UPDATE_REASONS: readonly UpdateReason[] = ['stage-changed', 'level-rose', 'periodic', 'recovery-known', 'estimate-changed'];

export interface IncidentUpdate {
  state: IncidentState;
  notices: Notice[];
  events: CoreEvent[];
}

/**
 * The incident lifecycle of one service, one tick at a time:
 *
 *   incident  when                                                   then
 *   none      level >= openAtLevel                                   open as investigating; notice, incident:opened
 *   none      otherwise                                              nothing
 *   open      level < openAtLevel and capacityCoversDemand           resolved; notice, incident:resolved
 *   open      stage changes (see nextStage), after the current stage     notice, incident:updated (stage-changed)
 *             has lasted notices.minStageSeconds
 *   open      level rose                                             notice, incident:updated (level-rose)
 *   open      t >= nextUpdateAt                                      notice, incident:updated (periodic)
 *   open      capacity still falls short, the forecast is due to be    notice, incident:updated (recovery-known
 *             asked again (askAgainAfter), and it now gives a time      after "not known yet" or a
 *             where the latest notice said "not known yet" or was a     precaution, else
 *             precaution, or users are held up after a precaution,     estimate-changed)
 *             or the promised time has passed; a changed estimate waits
 *             until the latest notice is notices.minStageSeconds old
 *   open      otherwise                                              nothing (level and stage kept up to date)
 *
 * Every notice moves the next periodic update to t + updateEverySeconds. After "not known yet",
 * the forecast gives no time while demand still climbs very steeply (keptNotKnown).
 */
export function updateIncident(service: ServicePlan, timezone: string, state: IncidentState, input: IncidentInput): IncidentUpdate {
  const openAt = input.levels.indexOf(service.notices.openAtLevel);
  const reached = openAt >= 0 && input.levels.indexOf(input.level) >= openAt;
  const open = state.open;
  if (open === null) return reached ? openIncident(service, timezone, state, input) : { state, notices: [], events: [] };
  if (!reached && input.capacityCoversDemand) return resolveIncident(service, timezone, state, open, input);
  return continueIncident(service, timezone, state, open, keptNotKnown(open, input), reached ? input.level : service.notices.openAtLevel);
}

/**
 * Once a notice said "not known yet", no time is given while demand still climbs very steeply.
 * The growth window's trend catches up with a wave within a few minutes, and a forecast built
 * on it then sees the rise ending soon; but the rise that made the time unknowable goes on,
 * and how long it lasts still decides the recovery (on double waves climbing for 20-30
 * minutes, times given 4-5 minutes in broke 8% of promises).
 */
function keptNotKnown(open: OpenIncident, input: IncidentInput): IncidentInput {
  if (!saidNotKnown(open)) return input;
  const { forecast } = input;
  let kept: RecoveryForecast | null = null;
  return { ...input, forecast: () => (kept ??= notKnownWhileRising(forecast())) };
}

const notKnownWhileRising = (f: RecoveryForecast): RecoveryForecast =>
  f.steepRise === true && f.at !== null && !f.calmAhead ? { ...f, at: null, askAgain: true } : f;

function openIncident(service: ServicePlan, timezone: string, state: IncidentState, input: IncidentInput): IncidentUpdate {
  const seq = state.seq + 1;
  const incident: OpenIncident = {
    id: `${service.name}-${seq}`,
    stage: 'investigating',
    level: input.level,
    openedAt: input.t,
    stageSince: input.t,
    noticesSent: 1,
    nextUpdateAt: input.t + service.notices.updateEverySeconds * 1000,
    expectedRecoveryAt: null,
    precautionary: false,
    calmCheckAfter: input.t,
    askAgainAt: null,
  };
  const promised = promise(incident.stage, input);
  incident.expectedRecoveryAt = promised.at;
  incident.precautionary = promised.precautionary;
  incident.askAgainAt = promised.askAgainAt;
  const notice = buildNotice(service, timezone, input, {
    incidentId: incident.id,
    n: 1,
    level: incident.level,
    stage: incident.stage,
    expectedRecoveryAt: promised.at,
    recoveryRange: promised,
    nextUpdateAt: incident.nextUpdateAt,
    stillRising: promised.stillRising,
    precautionary: promised.precautionary,
  });
  const event: CoreEvent = {
    type: 'incident:opened',
    message: `incident ${incident.id} opened: ${service.displayName} reached level ${input.level} with traffic ${notice.multiple}× normal`,
    data: eventData(notice),
  };
  return { state: { seq, open: incident }, notices: [notice], events: [event] };
}

function resolveIncident(service: ServicePlan, timezone: string, state: IncidentState, open: OpenIncident, input: IncidentInput): IncidentUpdate {
  const level = service.notices.openAtLevel;
  // recovery is now, and the resolved notice says when it happened
  const notice = buildNotice(service, timezone, input, {
    incidentId: open.id,
    n: open.noticesSent + 1,
    level,
    stage: 'resolved',
    expectedRecoveryAt: input.t,
    recoveryRange: null,
    nextUpdateAt: null,
    stillRising: false,
    precautionary: false,
  });
  const minutes = Math.round((input.t - open.openedAt) / 60_000);
  const event: CoreEvent = {
    type: 'incident:resolved',
    message: `incident ${open.id} resolved after ${minutes} min: level back below ${level} and capacity covers demand`,
    data: { ...eventData(notice), durationSeconds: (input.t - open.openedAt) / 1000 },
  };
  return { state: { seq: state.seq, open: null }, notices: [notice], events: [event] };
}

function continueIncident(
  service: ServicePlan,
  timezone: string,
  state: IncidentState,
  open: OpenIncident,
  input: IncidentInput,
  level: string,
): IncidentUpdate {
  // a stage is held for minStageSeconds so that flickering throttling does not flip notices
  const held = input.t - open.stageSince < service.notices.minStageSeconds * 1000;
  let calmCheckAfter = open.calmCheckAfter;
  // "monitoring" only when the engine's own forecast sees no relapse; a "no" is trusted for a while
  const calmAhead = (): boolean => {
    if (held || input.t < open.calmCheckAfter) return false;
    const calm = input.forecast().calmAhead;
    if (!calm) calmCheckAfter = input.t + CALM_RECHECK_MS;
    return calm;
  };
  let wanted = nextStage(open.stage, input, calmAhead);
  // a monitoring notice that is due re-checks the forecast: if it sees a slip, say so
  if (wanted === 'monitoring' && open.stage === 'monitoring' && input.t >= open.nextUpdateAt && !input.forecast().calmAhead) wanted = 'identified';
  const proposed = wanted !== open.stage && held ? open.stage : wanted;
  const lastNoticeAt = open.nextUpdateAt - service.notices.updateEverySeconds * 1000;
  // a notice stands for minStageSeconds before a higher level or a changed estimate replaces it
  const settled = input.t - lastNoticeAt >= service.notices.minStageSeconds * 1000;
  const proposedLevel = settled || input.levels.indexOf(level) <= input.levels.indexOf(open.level) ? level : open.level;
  const quiet = quietUntilKnown(open, input, proposed, proposedLevel);
  const stage = quiet ? open.stage : proposed;
  const shownLevel = quiet ? open.level : proposedLevel;
  const stageSince = stage === open.stage ? open.stageSince : input.t;
  let askAgainAt = open.askAgainAt;
  let reason = updateReason(open, input, stage, shownLevel);
  // once capacity covers demand the stage change to monitoring speaks; a time now would be a moment's lull
  if (reason === null && askAgainAt !== null && input.t >= askAgainAt && stage !== 'monitoring' && !input.capacityCoversDemand) {
    const f = input.forecast();
    // a precaution stands for minStageSeconds, as a promised time does, before news replaces it
    const mayReplace = open.precautionary !== true || settled;
    if (open.expectedRecoveryAt === null && f.at !== null && mayReplace) reason = 'recovery-known';
    // the latest notice said users were fine; now they are held up and no time can be given
    else if (open.precautionary === true && settled && input.usersAffected) reason = 'estimate-changed';
    else if (open.expectedRecoveryAt !== null && settled && input.t >= open.expectedRecoveryAt) reason = 'estimate-changed';
    else askAgainAt = askAgainAfter(input, f, input.t - lastNoticeAt);
  }
  if (reason === null) {
    // most ticks of an incident change nothing: the state itself carries over
    if (stage === open.stage && shownLevel === open.level && calmCheckAfter === open.calmCheckAfter && askAgainAt === open.askAgainAt) return { state, notices: [], events: [] };
    const kept = incidentWith(open, stage, stageSince, shownLevel, open.noticesSent, open.nextUpdateAt, open.expectedRecoveryAt, open.precautionary === true, calmCheckAfter, askAgainAt);
    return { state: { seq: state.seq, open: kept }, notices: [], events: [] };
  }
  const nextUpdateAt = input.t + service.notices.updateEverySeconds * 1000;
  const promised = promise(stage, input, open.precautionary === true);
  const notice = buildNotice(service, timezone, input, {
    incidentId: open.id,
    n: open.noticesSent + 1,
    level,
    stage,
    expectedRecoveryAt: promised.at,
    recoveryRange: promised,
    nextUpdateAt,
    stillRising: promised.stillRising,
    precautionary: promised.precautionary,
  });
  const event: CoreEvent = {
    type: 'incident:updated',
    message: `incident ${open.id} ${stage} (${REASON_WORDS[reason]}): level ${level}, traffic ${notice.multiple}× normal, delay ${notice.expectedDelayMs} ms`,
    reason,
    data: eventData(notice),
  };
  const next = incidentWith(open, stage, stageSince, level, open.noticesSent + 1, nextUpdateAt, promised.at, promised.precautionary, calmCheckAfter, promised.askAgainAt);
  return { state: { seq: state.seq, open: next }, notices: [notice], events: [event] };
}

/** An open incident moved on, as one literal (a spread of it cost more than the rest of the incident's tick). */
function incidentWith(
  open: OpenIncident,
  stage: OpenIncident['stage'],
  stageSince: number,
  level: string,
  noticesSent: number,
  nextUpdateAt: number,
  expectedRecoveryAt: number | null,
  precautionary: boolean,
  calmCheckAfter: number,
  askAgainAt: number | null,
): OpenIncident {
  return { id: open.id, stage, level, openedAt: open.openedAt, stageSince, noticesSent, nextUpdateAt, expectedRecoveryAt, precautionary, calmCheckAfter, askAgainAt };
}

const REASON_WORDS: Record<UpdateReason, string> = {
  'stage-changed': 'stage changed',
  'level-rose': 'level rose',
  periodic: 'scheduled update',
  'recovery-known': 'recovery time now known',
  'estimate-changed': 'recovery estimate changed',
};

function updateReason(open: OpenIncident, input: IncidentInput, stage: string, level: string): UpdateReason | null {
  if (stage !== open.stage) return 'stage-changed';
  if (input.levels.indexOf(level) > input.levels.indexOf(open.level)) return 'level-rose';
  if (input.t >= open.nextUpdateAt) return 'periodic';
  return null;
}

function eventData(notice: Notice): Record<string, string | number | null> {
  return {
    incidentId: notice.incidentId,
    noticeId: notice.id,
    stage: notice.stage,
    level: notice.level,
    multiple: notice.multiple,
    expectedDelayMs: notice.expectedDelayMs,
    expectedRecoveryAt: notice.expectedRecoveryAt,
    recoveryEarliestAt: notice.recoveryEarliestAt ?? null,
    recoveryLatestAt: notice.recoveryLatestAt ?? null,
  };
}
