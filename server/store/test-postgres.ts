/**
 * Test helper: PostgreSQL for the store suites. Each test file gets its own database (a
 * random name, dropped after the file) and each test its own schema in it, so files run in
 * parallel and every test starts from empty tables. The server comes from
 * FLASHCROWD_TEST_PG_URL; without it CI fails and a person's machine skips, saying how to
 * get PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { afterAll, type TestContext } from 'vitest';

const HOW_TO_GET_POSTGRES =
  'install PostgreSQL (apt-get install postgresql; pg_ctlcluster <version> main start), create a role that may ' +
  'create databases, and set FLASHCROWD_TEST_PG_URL, e.g. ' +
  'FLASHCROWD_TEST_PG_URL=postgres://flashcrowd:flashcrowd@127.0.0.1:5432/postgres (.ci/run does all of this)';

interface FileDatabase {
  url: URL;
  admin: Pool;
}

let fileDatabase: Promise<FileDatabase> | null = null;
let warned = false;

function randomName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** The server's URL, or a skip (a person's machine) or a failure (CI, or no test context to skip) saying how to get one. */
function serverUrl(context: Pick<TestContext, 'skip'> | undefined): string {
  const url = process.env['FLASHCROWD_TEST_PG_URL'];
  if (url) return url;
  if (process.env['CI'] === 'true' || !context) {
    throw new Error(`FLASHCROWD_TEST_PG_URL is not set, and CI runs the store suites on PostgreSQL: ${HOW_TO_GET_POSTGRES}`);
  }
  if (!warned) {
    warned = true;
    console.warn(`\n!!! SKIPPING the PostgreSQL store tests: FLASHCROWD_TEST_PG_URL is not set. To run them, ${HOW_TO_GET_POSTGRES}\n`);
  }
  return context.skip('FLASHCROWD_TEST_PG_URL is not set');
}

async function createFileDatabase(server: string): Promise<FileDatabase> {
  const name = randomName('flashcrowd_test');
  const root = new Pool({ connectionString: server, max: 1 });
  try {
    // a natural-language collation (not the byte order of "C"), as production servers
    // often have, so a query whose order depends on the server's collation shows up here
    await root.query(`create database ${name} template template0 locale_provider icu icu_locale 'en-US' locale 'C.UTF-8'`);
  } finally {
    await root.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url, admin: new Pool({ connectionString: url.href, max: 2 }) };
}

afterAll(async () => {
  if (!fileDatabase) return;
  const { url, admin } = await fileDatabase;
  await admin.end();
  const server = process.env['FLASHCROWD_TEST_PG_URL'] ?? '';
  const root = new Pool({ connectionString: server, max: 1 });
  try {
    // an autovacuum worker may still be in the database, and only a superuser may end it:
    // give it a moment to finish rather than failing the file that used the database
    for (let attempt = 1; ; attempt++) {
      try {
        await root.query(`drop database if exists ${url.pathname.slice(1)} with (force)`);
        break;
      } catch (e) {
        if (attempt >= 20 || !/must be a member of the role|is being accessed by other users/.test(String((e as Error).message))) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await root.end();
  }
});

export interface TestSchema {
  /** connects to this test's own schema */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty schema for one test, in this file's database. */
export async function createTestSchema(context: Pick<TestContext, 'skip'> | undefined): Promise<TestSchema> {
  const server = serverUrl(context);
  fileDatabase ??= createFileDatabase(server);
  const { url, admin } = await fileDatabase;
  const schema = randomName('test');
  await admin.query(`create schema ${schema}`);
  const schemaUrl = new URL(url);
  schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: schemaUrl.href,
    drop: async () => {
      await admin.query(`drop schema if exists ${schema} cascade`);
    },
  };
}
