/**
 * A throwaway PostgreSQL database for one run of a cluster test or benchmark, made on the
 * server FLASHCROWD_TEST_PG_URL names (a role that may create databases) and dropped after.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

export const HOW_TO_GET_POSTGRES =
  'install PostgreSQL (apt-get install postgresql), create a role that may create databases, and set ' +
  'FLASHCROWD_TEST_PG_URL, e.g. postgres://flashcrowd:flashcrowd@127.0.0.1:5432/postgres (.ci/run does all of this)';

export interface ScratchDatabase {
  /** connects to the new database */
  url: string;
  /** a small pool on it, for checking what the instances stored */
  pool: Pool;
  drop(): Promise<void>;
}

export async function createScratchDatabase(serverUrl: string, prefix = 'flashcrowd_cluster'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const root = new Pool({ connectionString: serverUrl, max: 1 });
  try {
    await root.query(`create database ${name}`);
  } finally {
    await root.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.href, max: 2 });
  return {
    url: url.href,
    pool,
    async drop() {
      await pool.end();
      const admin = new Pool({ connectionString: serverUrl, max: 1 });
      try {
        // an instance killed with SIGKILL may leave its sessions open for a moment
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
