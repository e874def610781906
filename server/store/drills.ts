import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DrillDto, DrillStatus, DrillTakeover } from '../contracts.js';
import type { Database, DrillsTable } from './database.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';
import { firstRow } from './first-row.js';
import { newestMatching } from './newest-matching.js';

/** A drill as stored: the API's DrillDto plus what is needed to resume or report it. */
export interface DrillRecord extends DrillDto {
  planName: string;
  /** the drill's start request and settings, as given */
  config: Record<string, unknown>;
}

export interface DrillListQuery {
  status?: DrillStatus;
  /** newest first; default 50 */
  limit?: number;
}

export interface DrillRepository {
  insert(drill: DrillRecord): Promise<void>;
  get(id: string): Promise<DrillRecord | null>;
  list(query?: DrillListQuery): Promise<DrillRecord[]>;
  /** move the drill's scenario clock forward (once per tick or per batch of ticks) */
  updateProgress(id: string, scenarioNow: string): Promise<void>;
  /** end a drill; returns false when no drill has that id or it has already ended */
  finish(id: string, status: Exclude<DrillStatus, 'running'>, endedAt: string): Promise<boolean>;
  /** at start-up: every drill still 'running' was cut off by a crash or kill; returns their ids */
  markInterrupted(endedAt: string): Promise<string[]>;
  /** note that another instance went on with a running drill */
  recordTakeover(id: string, takeover: DrillTakeover): Promise<void>;
}

function toRow(d: DrillRecord): Insertable<DrillsTable> {
  return {
    id: d.id,
    status: d.status,
    scenario: d.scenario,
    policy: d.policy,
    speed: d.speed,
    source: d.source,
    plan_name: d.planName,
    config_json: toJsonColumn(d.config),
    timezone: d.timezone,
    started_at: d.startedAt,
    ended_at: d.endedAt,
    scenario_start: d.scenarioStart,
    scenario_now: d.scenarioNow,
    scenario_end: d.scenarioEnd,
    takeovers_json: toJsonColumn(d.takeovers),
  };
}

function fromRow(r: Selectable<DrillsTable>): DrillRecord {
  return {
    id: r.id,
    status: r.status as DrillStatus,
    scenario: r.scenario,
    policy: r.policy as DrillRecord['policy'],
    speed: r.speed,
    source: r.source as DrillRecord['source'],
    planName: r.plan_name,
    config: fromJsonColumn(r.config_json),
    timezone: r.timezone,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    scenarioStart: r.scenario_start,
    scenarioNow: r.scenario_now,
    scenarioEnd: r.scenario_end,
    takeovers: fromJsonColumn(r.takeovers_json),
  };
}

export function drillRepository(db: Kysely<Database>): DrillRepository {
  return {
    async insert(drill) {
      await db.insertInto('drills').values(toRow(drill)).execute();
    },
    get: (id) => firstRow(db.selectFrom('drills').selectAll().where('id', '=', id), fromRow),
    async list(query = {}) {
      // an empty status filters nothing
      const equal = { status: query.status || undefined };
      const rows = await newestMatching(db.selectFrom('drills').selectAll(), equal, 'started_at', query.limit ?? 50).execute();
      return rows.map(fromRow);
    },
    async updateProgress(id, scenarioNow) {
      await db.updateTable('drills').set({ scenario_now: scenarioNow }).where('id', '=', id).execute();
    },
    async finish(id, status, endedAt) {
      const result = await db
        .updateTable('drills')
        .set({ status, ended_at: endedAt })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async markInterrupted(endedAt) {
      const rows = await db
        .updateTable('drills')
        .set({ status: 'interrupted', ended_at: endedAt })
        .where('status', '=', 'running')
        .returning('id')
        .execute();
      return rows.map((r) => r.id).sort();
    },
    async recordTakeover(id, takeover) {
      const row = await db.selectFrom('drills').select('takeovers_json').where('id', '=', id).executeTakeFirst();
      if (!row) return;
      const takeovers: DrillTakeover[] = [...fromJsonColumn<DrillTakeover[]>(row.takeovers_json), takeover];
      await db.updateTable('drills').set({ takeovers_json: toJsonColumn(takeovers) }).where('id', '=', id).execute();
    },
  };
}
