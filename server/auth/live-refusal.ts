import type { LiveRefusal } from '../live/live-hub.js';
import type { Denial } from './authorize.js';

/** A denial as the live feed's connect_error carries it: the same code and sentence an HTTP read would get. */
export function liveRefusal(denial: Denial): LiveRefusal {
  return {
    code: denial.code,
    message: denial.code === 'auth.missing-token' ? 'The live feed on this server needs a token of any role.' : denial.message,
    ...(denial.retryAfterSeconds !== undefined ? { retryAfterSeconds: denial.retryAfterSeconds } : {}),
  };
}
