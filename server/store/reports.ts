import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Finished drills' reports, as JSON text, for instances that share the database: whichever
 * instance drove a drill to its end, every instance serves its report.
 */
export interface ReportRepository {
  save(drillId: string, reportJson: string): Promise<void>;
  get(drillId: string): Promise<string | null>;
  /** the reports of drills that ended before `cutoff` (ISO); returns how many */
  pruneEndedBefore(cutoff: string): Promise<number>;
}

export function reportRepository(db: Kysely<Database>): ReportRepository {
  return {
    async save(drillId, reportJson) {
      await db
        .insertInto('drill_reports')
        .values({ drill_id: drillId, report_json: reportJson })
        .onConflict((oc) => oc.column('drill_id').doUpdateSet({ report_json: reportJson }))
        .execute();
    },
    async get(drillId) {
      const row = await db.selectFrom('drill_reports').select('report_json').where('drill_id', '=', drillId).executeTakeFirst();
      return row?.report_json ?? null;
    },
    async pruneEndedBefore(cutoff) {
      const ended = db.selectFrom('drills').select('id').where('ended_at', 'is not', null).where('ended_at', '<', cutoff);
      const result = await db.deleteFrom('drill_reports').where('drill_id', 'in', ended).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
