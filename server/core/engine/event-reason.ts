/** The closed set of event reasons, and a guard for reasons read back from storage. */
import { UPDATE_REASONS } from '../notices/incident.js';
import { SCALE_REASONS } from '../scale/reasons.js';
import type { EventReason } from './types.js';

export const EVENT_REASONS: readonly EventReason[] = [...SCALE_REASONS, ...UPDATE_REASONS];
const KNOWN: ReadonlySet<string> = new Set(EVENT_REASONS);

export function isEventReason(s: string): s is EventReason {
  return KNOWN.has(s);
}
