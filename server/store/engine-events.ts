import type { Kysely, Selectable } from 'kysely';
import { isEventReason } from '../core/engine/event-reason.js';
import type { CoreEvent, EngineEvent, EventType } from '../core/engine/types.js';
import type { Database, EngineEventsTable } from './database.js';
import { fromNullableJsonColumn, toNullableJsonColumn } from './json-column.js';

export interface StoredEvent extends EngineEvent {
  /** increases in append order; use it as a cursor */
  id: number;
  drillId: string;
}

export interface EventListQuery {
  /** only events appended after this id */
  afterId?: number;
  service?: string;
  type?: string;
  /** default 1000 */
  limit?: number;
}

export interface EngineEventRepository {
  /** one tick's batch in one statement group; the order of `events` is kept */
  append(drillId: string, events: readonly EngineEvent[]): Promise<void>;
  /** oldest first */
  list(drillId: string, query?: EventListQuery): Promise<StoredEvent[]>;
  /** the latest `limit` events, oldest first (the snapshot a late client receives) */
  latest(drillId: string, limit: number): Promise<StoredEvent[]>;
  /** delete the events of drills that ended before `cutoff` (ISO time); returns how many */
  pruneEndedBefore(cutoff: string): Promise<number>;
}

// SQLite allows 32766 bound parameters per statement; 8 columns x 500 rows stays far below.
const ROWS_PER_INSERT = 500;

function fromRow(r: Selectable<EngineEventsTable>): StoredEvent {
  const event: StoredEvent = {
    id: Number(r.id),
    drillId: r.drill_id,
    t: r.t,
    service: r.service,
    type: r.type as EventType,
    message: r.message,
  };
  // only the engine writes events, so a stored reason is one of its closed set
  if (r.reason !== null && isEventReason(r.reason)) event.reason = r.reason;
  const data = fromNullableJsonColumn<CoreEvent['data']>(r.data_json);
  if (data !== undefined) event.data = data;
  return event;
}

export function engineEventRepository(db: Kysely<Database>): EngineEventRepository {
  return {
    async append(drillId, events) {
      const insertAll = async (exec: Kysely<Database>) => {
        for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
          const rows = events.slice(i, i + ROWS_PER_INSERT).map((e) => ({
            drill_id: drillId,
            t: e.t,
            service: e.service,
            type: e.type,
            reason: e.reason ?? null,
            message: e.message,
            data_json: toNullableJsonColumn(e.data),
          }));
          await exec.insertInto('engine_events').values(rows).execute();
        }
      };
      if (events.length === 0) return;
      // a batch larger than one statement must still land whole or not at all
      if (events.length <= ROWS_PER_INSERT || db.isTransaction) await insertAll(db);
      else await db.transaction().execute(insertAll);
    },
    async list(drillId, query = {}) {
      let q = db.selectFrom('engine_events').selectAll().where('drill_id', '=', drillId);
      if (query.afterId !== undefined) q = q.where('id', '>', query.afterId);
      if (query.service !== undefined) q = q.where('service', '=', query.service);
      if (query.type !== undefined) q = q.where('type', '=', query.type);
      const rows = await q.orderBy('id').limit(query.limit ?? 1000).execute();
      return rows.map(fromRow);
    },
    async latest(drillId, limit) {
      const rows = await db
        .selectFrom('engine_events')
        .selectAll()
        .where('drill_id', '=', drillId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(fromRow);
    },
    async pruneEndedBefore(cutoff) {
      const ended = db.selectFrom('drills').select('id').where('ended_at', 'is not', null).where('ended_at', '<', cutoff);
      const result = await db.deleteFrom('engine_events').where('drill_id', 'in', ended).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
