import type { Kysely, Selectable } from 'kysely';
import type { Notice } from '../core/engine/types.js';
import type { Database, NoticesTable } from './database.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';
import { firstRow } from './first-row.js';
import { newestMatching } from './newest-matching.js';

export interface StoredNotice {
  notice: Notice;
  drillId: string | null;
  /** null when the engine published it; the operator's token name or id otherwise */
  author: string | null;
  editedAt: string | null;
}

export interface NoticeListQuery {
  drillId?: string;
  incidentId?: string;
  service?: string;
  /** newest first; default 50 */
  limit?: number;
}

export interface NoticeRepository {
  insert(notice: Notice, meta: { drillId: string | null; author: string | null }): Promise<void>;
  /** replace a notice's content; returns false when there is no notice with that id */
  edit(notice: Notice, meta: { author: string; editedAt: string }): Promise<boolean>;
  get(id: string): Promise<StoredNotice | null>;
  list(query?: NoticeListQuery): Promise<StoredNotice[]>;
}

function indexedColumns(n: Notice) {
  return { incident_id: n.incidentId, service: n.service, t: n.t, level: n.level, stage: n.stage, notice_json: toJsonColumn(n) };
}

function fromRow(r: Selectable<NoticesTable>): StoredNotice {
  return { notice: fromJsonColumn<Notice>(r.notice_json), drillId: r.drill_id, author: r.author, editedAt: r.edited_at };
}

export function noticeRepository(db: Kysely<Database>): NoticeRepository {
  return {
    async insert(notice, meta) {
      await db
        .insertInto('notices')
        .values({ id: notice.id, ...indexedColumns(notice), drill_id: meta.drillId, author: meta.author, edited_at: null })
        .execute();
    },
    async edit(notice, meta) {
      const result = await db
        .updateTable('notices')
        .set({ ...indexedColumns(notice), author: meta.author, edited_at: meta.editedAt })
        .where('id', '=', notice.id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    get: (id) => firstRow(db.selectFrom('notices').selectAll().where('id', '=', id), fromRow),
    async list(query = {}) {
      const equal = { drill_id: query.drillId, incident_id: query.incidentId, service: query.service };
      const rows = await newestMatching(db.selectFrom('notices').selectAll(), equal, 't', query.limit ?? 50).execute();
      return rows.map(fromRow);
    },
  };
}
