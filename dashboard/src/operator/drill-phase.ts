/**
 * Between drills the server runs an open-ended "live" session on real traffic; it is not a
 * drill a person started, and the dashboard must not present it as one.
 */
import type { DrillDto } from '../api/api-types.js';

export function isLiveSession(drill: Pick<DrillDto, 'scenario'>): boolean {
  return drill.scenario === 'live';
}

/** A drill a person started that has now ended: the dashboard keeps it on screen. */
export function isEndedDrill(drill: DrillDto | null): drill is DrillDto {
  return drill !== null && !isLiveSession(drill) && drill.status !== 'running';
}

export function isRunningDrill(drill: DrillDto | null): drill is DrillDto {
  return drill !== null && !isLiveSession(drill) && drill.status === 'running';
}
