/**
 * What the status outputs are built from: plain data the app fills from the store and the
 * live engine. Times are ISO 8601 strings.
 */
import type { Notice } from '../core/engine/types.js';
import type { Language } from '../core/plan/types.js';
import type { IncidentRecord } from '../store/incidents.js';

export interface StatusPage {
  /** stable id of this status page, e.g. the plan name */
  id: string;
  name: string;
  /** public base URL without a trailing slash, e.g. https://status.example.com */
  url: string;
  /** IANA time zone */
  timeZone: string;
  updatedAt: string;
}

export interface StatusService {
  /** the service's key in the plan; also its component id */
  name: string;
  displayName: string;
  /** the name in each language */
  displayNames: Record<Language, string>;
  description: string | null;
  /** its current level */
  level: string;
  /** the plan's levels, lowest first ('normal' first) */
  levels: string[];
  /** the lowest level that opens an incident (NoticeConfig.openAtLevel) */
  openAtLevel: string;
  /** the latest notice of its open incident says users are fine (levels.ts usersFineAfter) */
  usersFine: boolean;
  createdAt: string;
  /** when its level last changed, or its open incident's latest notice came, whichever is later */
  updatedAt: string;
}

/** A published notice; `editedAt` (wall time) when an operator corrected it afterwards. */
export type StatusNotice = Notice & { editedAt?: string | null };

/** A stored incident (its level: the highest it reached) with its notices in any order. */
export interface StatusIncident extends Omit<IncidentRecord, 'drillId'> {
  notices: StatusNotice[];
}

export interface StatusInput {
  page: StatusPage;
  /** in display order */
  services: StatusService[];
  incidents: StatusIncident[];
  /** the language served when a request names none */
  language: Language;
}
