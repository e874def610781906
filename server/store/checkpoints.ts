import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A running drill's engine state after its latest stored tick: enough for another instance to go on. */
export interface DrillCheckpoint {
  drillId: string;
  /** scenario time of that tick (ISO) */
  scenarioNow: string;
  /** the engine state, plain data as JSON */
  stateJson: string;
  /**
   * that tick's output as JSON: stored in the same transaction, pushed only after it, so a
   * driver that dies in between leaves it for the next to push
   */
  outputJson: string;
  /** the instance that wrote it */
  holder: string;
  savedAt: string;
}

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
      const row = { drill_id: c.drillId, scenario_now: c.scenarioNow, state_json: c.stateJson, output_json: c.outputJson, holder: c.holder, saved_at: c.savedAt };
      await db
        .insertInto('drill_checkpoints')
        .values(row)
        .onConflict((oc) => oc.column('drill_id').doUpdateSet({ scenario_now: c.scenarioNow, state_json: c.stateJson, output_json: c.outputJson, holder: c.holder, saved_at: c.savedAt }))
        .execute();
    },
    async get(drillId) {
      const r = await db.selectFrom('drill_checkpoints').selectAll().where('drill_id', '=', drillId).executeTakeFirst();
      return r ? { drillId: r.drill_id, scenarioNow: r.scenario_now, stateJson: r.state_json, outputJson: r.output_json, holder: r.holder, savedAt: r.saved_at } : null;
    },
    async remove(drillId) {
      await db.deleteFrom('drill_checkpoints').where('drill_id', '=', drillId).execute();
    },
  };
}
