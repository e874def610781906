import type { Kysely } from 'kysely';
import type { Database, DrillCheckpointsTable } from './database.js';
import { recordOf, rowOf, type RecordOf } from './record-of.js';

/** A running drill's engine state after its latest stored tick: enough for another instance to go on. */
export type DrillCheckpoint = RecordOf<DrillCheckpointsTable>;

export interface CheckpointRepository {
  /** replaces the drill's checkpoint */
  save(checkpoint: DrillCheckpoint): Promise<void>;
  get(drillId: string): Promise<DrillCheckpoint | null>;
  /** an ended drill needs none */
  remove(drillId: string): Promise<void>;
}

export function checkpointRepository(db: Kysely<Database>): CheckpointRepository {
  return {
    async save(c) {
      const row = rowOf<DrillCheckpointsTable>(c);
      const { drill_id: _key, ...rest } = row;
      await db
        .insertInto('drill_checkpoints')
        .values(row)
        .onConflict((oc) => oc.column('drill_id').doUpdateSet(rest))
        .execute();
    },
    async get(drillId) {
      const r = await db.selectFrom('drill_checkpoints').selectAll().where('drill_id', '=', drillId).executeTakeFirst();
      return r ? recordOf(r) : null;
    },
    async remove(drillId) {
      await db.deleteFrom('drill_checkpoints').where('drill_id', '=', drillId).execute();
    },
  };
}
