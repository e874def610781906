/**
 * Fills the status outputs' StatusInput from the live engine (each service's level) and the
 * store (the newest incidents with their notices, in one query). A version number goes up whenever a level changes or
 * a notice is published, so the status routes re-render only then: thousands of readers
 * reloading during a surge are served from the cached body.
 */
import type { Language, Plan } from '../core/plan/types.js';
import type { DrillOutput } from '../drills/drill-runner.js';
import type { IncidentWithNotices } from '../store/incidents.js';
import type { Store } from '../store/store.js';
import { chronological } from './incidents.js';
import { usersFineAfter } from './levels.js';
import type { StatusIncident, StatusInput, StatusService } from './status-input.js';

export interface StatusSourceOptions {
  plan: Plan;
  store: Store;
  /** public base URL of this server, no trailing slash (known only once it listens) */
  publicUrl: () => string;
  language?: Language;
  now: () => number;
}

const INCIDENTS_SHOWN = 50;

export class StatusSource {
  private versionNo = 1;
  private readonly levels = new Map<string, { level: string; since: string }>();
  private startedAt: string;

  constructor(private readonly opts: StatusSourceOptions) {
    this.startedAt = new Date(opts.now()).toISOString();
    for (const name of Object.keys(opts.plan.services)) this.levels.set(name, { level: 'normal', since: this.startedAt });
  }

  version(): number {
    return this.versionNo;
  }

  /** Note what changed in an output (a tick, or notices published or corrected); returns the services whose level changed. */
  observe(out: DrillOutput): string[] {
    const changed: string[] = [];
    for (const tick of out.ticks) {
      const prev = this.levels.get(tick.service);
      if (prev && prev.level !== tick.level) {
        this.levels.set(tick.service, { level: tick.level, since: tick.t });
        changed.push(tick.service);
      }
    }
    if (changed.length > 0 || out.notices.length > 0) this.versionNo++;
    return changed;
  }

  /** A new drill starts from normal everywhere, in its own (scenario) time. */
  reset(at: string): void {
    this.startedAt = at;
    for (const name of this.levels.keys()) this.levels.set(name, { level: 'normal', since: at });
    this.versionNo++;
  }

  async input(store: Store = this.opts.store): Promise<StatusInput> {
    return this.inputOf(await store.incidents.listWithNotices({ limit: INCIDENTS_SHOWN }));
  }

  /** The input for one incident's own page and document; null when there is no such incident. */
  async incidentInput(id: string, store: Store = this.opts.store): Promise<StatusInput | null> {
    const found = await store.incidents.listWithNotices({ id, limit: 1 });
    return found.length === 0 ? null : this.inputOf(found);
  }

  private inputOf(records: IncidentWithNotices[]): StatusInput {
    const { plan } = this.opts;
    const incidents = records.map(({ incident: r, notices }): StatusIncident => ({
      id: r.id,
      service: r.service,
      level: r.level,
      stage: r.stage,
      openedAt: r.openedAt,
      updatedAt: r.updatedAt,
      resolvedAt: r.resolvedAt,
      notices,
    }));
    return {
      page: { id: slug(plan.name), name: plan.name, url: this.opts.publicUrl(), timeZone: plan.timezone, updatedAt: this.latestChange(incidents) },
      services: Object.values(plan.services).map((svc): StatusService => {
        const state = this.levels.get(svc.name) ?? { level: 'normal', since: this.startedAt };
        const latest = latestOpenNotice(incidents, svc.name);
        return {
          name: svc.name,
          displayName: svc.displayName,
          displayNames: svc.displayNames,
          description: null,
          level: state.level,
          levels: plan.levels,
          openAtLevel: svc.notices.openAtLevel,
          usersFine: latest !== null && usersFineAfter(latest),
          createdAt: this.startedAt,
          updatedAt: latest !== null && latest.t > state.since ? latest.t : state.since,
        };
      }),
      incidents,
      language: this.opts.language ?? 'en',
    };
  }

  private latestChange(incidents: StatusIncident[]): string {
    let latest = this.startedAt;
    for (const { since } of this.levels.values()) if (since > latest) latest = since;
    for (const i of incidents) if (i.updatedAt > latest) latest = i.updatedAt;
    return latest;
  }
}

/** The latest notice of `service`'s open incident, or null when none is open. */
function latestOpenNotice(incidents: readonly StatusIncident[], service: string): StatusIncident['notices'][number] | null {
  const open = incidents.find((i) => i.service === service && i.stage !== 'resolved');
  if (!open || open.notices.length === 0) return null;
  return [...open.notices].sort(chronological).at(-1) ?? null;
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'flashcrowd';
