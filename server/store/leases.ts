import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** Who holds a lease and until when (ISO). */
export interface LeaseHolder {
  holder: string;
  expiresAt: string;
}

/**
 * Leases on named things (the engine of the current drill) among instances sharing one
 * database. Times come from the instances' clocks as ISO text, which sorts in time order.
 */
export interface LeaseRepository {
  /**
   * Take the lease, or extend it when `holder` has it already, until `expiresAt`; only a
   * lease nobody holds, or whose holder let it run out before `now`, changes hands.
   * Returns whether `holder` holds it afterwards.
   */
  acquire(name: string, holder: string, now: string, expiresAt: string): Promise<boolean>;
  /** the current holder, or null when nobody holds it or it ran out before `now` */
  holder(name: string, now: string): Promise<LeaseHolder | null>;
  /**
   * Whether `holder` still holds the lease at `now`. Inside a transaction on PostgreSQL the
   * row stays locked until commit, so no other instance takes the lease over in between:
   * what the transaction writes is the holder's.
   */
  confirm(name: string, holder: string, now: string): Promise<boolean>;
  /** give the lease up (a clean shutdown), so another instance need not wait for it to run out */
  release(name: string, holder: string): Promise<void>;
}

export function leaseRepository(db: Kysely<Database>): LeaseRepository {
  return {
    async acquire(name, holder, now, expiresAt) {
      const row = await db
        .insertInto('leases')
        .values({ name, holder, expires_at: expiresAt })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ holder, expires_at: expiresAt }).where((eb) =>
            eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<', now)]),
          ),
        )
        .returning('holder')
        .executeTakeFirst();
      return row?.holder === holder;
    },
    async holder(name, now) {
      const row = await db.selectFrom('leases').select(['holder', 'expires_at']).where('name', '=', name).executeTakeFirst();
      return row && row.expires_at >= now ? { holder: row.holder, expiresAt: row.expires_at } : null;
    },
    async confirm(name, holder, now) {
      // an update, not a select: it takes the row lock that makes a takeover wait for this commit
      const result = await db
        .updateTable('leases')
        .set({ holder })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .where('expires_at', '>=', now)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async release(name, holder) {
      await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
    },
  };
}
