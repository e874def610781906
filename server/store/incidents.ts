import type { Kysely, Selectable } from 'kysely';
import type { IncidentStage } from '../core/plan/types.js';
import type { Notice } from '../core/engine/types.js';
import type { Database, IncidentsTable } from './database.js';
import { fromJsonColumn } from './json-column.js';
import { firstRow } from './first-row.js';
import { newestMatching } from './newest-matching.js';

export interface IncidentRecord {
  id: string;
  /** null for an incident outside any drill (a real surge) */
  drillId: string | null;
  service: string;
  level: string;
  stage: IncidentStage;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface IncidentListQuery {
  drillId?: string;
  service?: string;
  unresolvedOnly?: boolean;
  /** newest opened first; default 50 */
  limit?: number;
}

/** An incident with every notice published on it; `editedAt` is set on notices an operator corrected. */
export interface IncidentWithNotices {
  incident: IncidentRecord;
  notices: (Notice & { editedAt: string | null })[];
}

export interface Acknowledgement {
  id: number;
  incidentId: string;
  by: string;
  at: string;
}

export interface IncidentRepository {
  /** insert, or update level/stage/updatedAt/resolvedAt of an existing incident (openedAt and drill are kept) */
  upsert(incident: IncidentRecord): Promise<void>;
  get(id: string): Promise<IncidentRecord | null>;
  list(query?: IncidentListQuery): Promise<IncidentRecord[]>;
  /** the newest incidents (default 50), or the one with `id`, each with its notices, in one query */
  listWithNotices(query?: { id?: string; limit?: number }): Promise<IncidentWithNotices[]>;
  acknowledge(ack: Omit<Acknowledgement, 'id'>): Promise<Acknowledgement>;
  /** oldest first */
  acknowledgements(incidentId: string): Promise<Acknowledgement[]>;
}

function fromRow(r: Selectable<IncidentsTable>): IncidentRecord {
  return {
    id: r.id,
    drillId: r.drill_id,
    service: r.service,
    level: r.level,
    stage: r.stage as IncidentStage,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
  };
}

export function incidentRepository(db: Kysely<Database>): IncidentRepository {
  return {
    async upsert(i) {
      await db
        .insertInto('incidents')
        .values({
          id: i.id,
          drill_id: i.drillId,
          service: i.service,
          level: i.level,
          stage: i.stage,
          opened_at: i.openedAt,
          updated_at: i.updatedAt,
          resolved_at: i.resolvedAt,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            level: i.level,
            stage: i.stage,
            updated_at: i.updatedAt,
            resolved_at: i.resolvedAt,
          }),
        )
        .execute();
    },
    get: (id) => firstRow(db.selectFrom('incidents').selectAll().where('id', '=', id), fromRow),
    async list(query = {}) {
      let q = db.selectFrom('incidents').selectAll();
      if (query.unresolvedOnly) q = q.where('resolved_at', 'is', null);
      const equal = { drill_id: query.drillId, service: query.service };
      const rows = await newestMatching(q, equal, 'opened_at', query.limit ?? 50).execute();
      return rows.map(fromRow);
    },
    async listWithNotices(query = {}) {
      let recent = db.selectFrom('incidents').selectAll();
      if (query.id !== undefined) recent = recent.where('id', '=', query.id);
      const rows = await db
        .selectFrom(recent.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 50).as('i'))
        .leftJoin('notices as n', 'n.incident_id', 'i.id')
        .selectAll('i')
        .select(['n.notice_json as notice_json', 'n.edited_at as notice_edited_at'])
        .orderBy('i.opened_at', 'desc')
        .orderBy('i.id', 'desc')
        .execute();
      const byId = new Map<string, IncidentWithNotices>();
      for (const r of rows) {
        let entry = byId.get(r.id);
        if (!entry) {
          entry = { incident: fromRow(r), notices: [] };
          byId.set(r.id, entry);
        }
        if (r.notice_json !== null) entry.notices.push({ ...fromJsonColumn<Notice>(r.notice_json), editedAt: r.notice_edited_at });
      }
      return [...byId.values()];
    },
    async acknowledge(ack) {
      const row = await db
        .insertInto('acknowledgements')
        .values({ incident_id: ack.incidentId, acknowledged_by: ack.by, acknowledged_at: ack.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), ...ack };
    },
    async acknowledgements(incidentId) {
      const rows = await db
        .selectFrom('acknowledgements')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: Number(r.id), incidentId: r.incident_id, by: r.acknowledged_by, at: r.acknowledged_at }));
    },
  };
}
