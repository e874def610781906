/**
 * Numbered schema migrations, run by Kysely's Migrator when a store opens.
 *
 * Tables:
 *   drills                 one row per drill: status, scenario, policy, speed, source, plan name,
 *                          config JSON, wall-clock start/end and scenario start/now/end
 *   incidents              engine (or operator) incidents: drill, service, level, stage, opened/updated/resolved
 *   notices                every published notice: the engine Notice as JSON plus indexed columns,
 *                          author and edited_at for notices operators post or edit
 *   engine_events          the engine's events per drill, appended a tick's batch at a time
 *   acknowledgements       who acknowledged which incident and when
 *   webhook_subscriptions  subscriber URL, event types (JSON array), signing secret
 *   webhook_outbox         one row per (event, subscription): payload, attempts, next attempt, outcome
 *   audit_log              every change: when, actor token id and role, action, target, detail JSON,
 *                          chained by hash to the row before (0010; see audit-chain.ts)
 *   api_tokens             token id, role, SHA-256 hash and name; never the token itself
 *   leases                 (0011) who drives what when several instances share the database:
 *                          name, holder instance, expiry
 *   drill_checkpoints      (0011) the engine state of a running drill after its latest stored
 *                          tick, so another instance resumes it; drills.takeovers_json lists where
 *   drill_reports          (0011) a finished drill's report JSON, when instances share the
 *                          database (one instance alone writes reports to its data folder)
 *   socket_io_attachments  (0011, PostgreSQL only) the socket.io adapter's payloads too large
 *                          for a NOTIFY
 *
 * Migrations only ever get added: a shipped migration is never edited. (0001's PostgreSQL
 * variant had never run when its text collation and float width were corrected; its SQLite
 * DDL is unchanged.)
 */
import {
  sql,
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Expression,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { AUDIT_GENESIS, auditRowHash, type ChainedColumns } from './audit-chain.js';

/** The SQL dialects the migrations are written for. */
export type SqlDialectName = 'sqlite' | 'postgres';

type IdentityColumn = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
type ColumnType = ColumnDataType | Expression<unknown>;

/** The column types that differ between the dialects; everything else is written once. */
interface ColumnTypes {
  /** compared byte by byte, as SQLite does, whatever the PostgreSQL server's collation */
  text: ColumnType;
  /** 8-byte floating point (PostgreSQL's `real` has only 4 bytes) */
  float: ColumnType;
  identity: IdentityColumn;
}

function columnTypes(dialect: SqlDialectName): ColumnTypes {
  return dialect === 'sqlite'
    ? { text: 'text', float: 'real', identity: (col) => col.primaryKey().autoIncrement() }
    : {
        text: sql`text collate "C"`,
        float: 'double precision',
        identity: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
      };
}

async function createDrills(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('drills')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('scenario', t.text, (c) => c.notNull())
    .addColumn('policy', t.text, (c) => c.notNull())
    .addColumn('speed', t.float, (c) => c.notNull())
    .addColumn('source', t.text, (c) => c.notNull())
    .addColumn('plan_name', t.text, (c) => c.notNull())
    .addColumn('config_json', t.text, (c) => c.notNull())
    .addColumn('timezone', t.text, (c) => c.notNull())
    .addColumn('started_at', t.text, (c) => c.notNull())
    .addColumn('ended_at', t.text)
    .addColumn('scenario_start', t.text, (c) => c.notNull())
    .addColumn('scenario_now', t.text, (c) => c.notNull())
    .addColumn('scenario_end', t.text)
    .execute();
  await db.schema.createIndex('drills_status').on('drills').column('status').execute();
}

async function createIncidents(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('drill_id', t.text)
    .addColumn('service', t.text, (c) => c.notNull())
    .addColumn('level', t.text, (c) => c.notNull())
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('opened_at', t.text, (c) => c.notNull())
    .addColumn('updated_at', t.text, (c) => c.notNull())
    .addColumn('resolved_at', t.text)
    .execute();
  await db.schema.createIndex('incidents_drill').on('incidents').columns(['drill_id', 'opened_at']).execute();
  await db.schema.createIndex('incidents_resolved').on('incidents').column('resolved_at').execute();
}

async function createNotices(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('incident_id', t.text, (c) => c.notNull())
    .addColumn('drill_id', t.text)
    .addColumn('service', t.text, (c) => c.notNull())
    .addColumn('t', t.text, (c) => c.notNull())
    .addColumn('level', t.text, (c) => c.notNull())
    .addColumn('stage', t.text, (c) => c.notNull())
    .addColumn('author', t.text)
    .addColumn('edited_at', t.text)
    .addColumn('notice_json', t.text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_t').on('notices').columns(['t', 'id']).execute();
  await db.schema.createIndex('notices_incident').on('notices').columns(['incident_id', 't']).execute();
  await db.schema.createIndex('notices_drill').on('notices').columns(['drill_id', 't']).execute();
}

async function createEngineEvents(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('engine_events')
    .addColumn('id', 'integer', t.identity)
    .addColumn('drill_id', t.text, (c) => c.notNull().references('drills.id').onDelete('cascade'))
    .addColumn('t', t.text, (c) => c.notNull())
    .addColumn('service', t.text, (c) => c.notNull())
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('reason', t.text)
    .addColumn('message', t.text, (c) => c.notNull())
    .addColumn('data_json', t.text)
    .execute();
  await db.schema.createIndex('engine_events_drill').on('engine_events').columns(['drill_id', 'id']).execute();
}

async function createAcknowledgements(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('acknowledgements')
    .addColumn('id', 'integer', t.identity)
    .addColumn('incident_id', t.text, (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('acknowledged_by', t.text, (c) => c.notNull())
    .addColumn('acknowledged_at', t.text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('acknowledgements_incident').on('acknowledgements').column('incident_id').execute();
}

async function createWebhookSubscriptions(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('url', t.text, (c) => c.notNull())
    .addColumn('event_types_json', t.text, (c) => c.notNull())
    .addColumn('secret', t.text, (c) => c.notNull())
    .addColumn('created_at', t.text, (c) => c.notNull())
    .execute();
}

async function createWebhookOutbox(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('webhook_outbox')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('subscription_id', t.text, (c) =>
      c.notNull().references('webhook_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('event_type', t.text, (c) => c.notNull())
    .addColumn('payload_json', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.text, (c) => c.notNull())
    .addColumn('next_attempt_at', t.text, (c) => c.notNull())
    .addColumn('delivered_at', t.text)
    .addColumn('last_error', t.text)
    .execute();
  await db.schema
    .createIndex('webhook_outbox_due')
    .on('webhook_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

async function createAuditLog(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', t.identity)
    .addColumn('at', t.text, (c) => c.notNull())
    .addColumn('actor_token_id', t.text)
    .addColumn('actor_role', t.text)
    .addColumn('action', t.text, (c) => c.notNull())
    .addColumn('target', t.text, (c) => c.notNull())
    .addColumn('detail_json', t.text)
    .execute();
}

async function createApiTokens(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('hash', t.text, (c) => c.notNull().unique())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('created_at', t.text, (c) => c.notNull())
    .addColumn('last_used_at', t.text)
    .execute();
}

function initialSchema(dialect: SqlDialectName): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      for (const create of [
        createDrills,
        createIncidents,
        createNotices,
        createEngineEvents,
        createAcknowledgements,
        createWebhookSubscriptions,
        createWebhookOutbox,
        createAuditLog,
        createApiTokens,
      ]) {
        await create(db, t);
      }
    },
  };
}

/** Adds the hash chain to the audit log and links the rows already there, oldest first. */
function auditChain(dialect: SqlDialectName): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_log').addColumn('prev_hash', t.text).execute();
      await db.schema.alterTable('audit_log').addColumn('hash', t.text).execute();
      const rows = await sql<ChainedColumns & { id: number }>`
        select id, at, actor_token_id, actor_role, action, target, detail_json from audit_log order by id`.execute(db);
      let prevHash = AUDIT_GENESIS;
      for (const row of rows.rows) {
        const hash = auditRowHash(prevHash, row);
        await sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash} where id = ${row.id}`.execute(db);
        prevHash = hash;
      }
    },
  };
}

/**
 * What several instances on one database coordinate through: the leases, the drills'
 * checkpoints and where each was taken over, and the socket.io adapter's table.
 */
function cluster(dialect: SqlDialectName): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('leases')
        .addColumn('name', t.text, (c) => c.primaryKey())
        .addColumn('holder', t.text, (c) => c.notNull())
        .addColumn('expires_at', t.text, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('drill_checkpoints')
        .addColumn('drill_id', t.text, (c) => c.primaryKey())
        .addColumn('scenario_now', t.text, (c) => c.notNull())
        .addColumn('state_json', t.text, (c) => c.notNull())
        .addColumn('output_json', t.text, (c) => c.notNull())
        .addColumn('holder', t.text, (c) => c.notNull())
        .addColumn('saved_at', t.text, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('drill_reports')
        .addColumn('drill_id', t.text, (c) => c.primaryKey())
        .addColumn('report_json', t.text, (c) => c.notNull())
        .execute();
      await db.schema.alterTable('drills').addColumn('takeovers_json', t.text, (c) => c.notNull().defaultTo('[]')).execute();
      if (dialect === 'postgres') {
        // the shape @socket.io/postgres-adapter expects (its README's DDL)
        await sql`create table if not exists socket_io_attachments (id bigserial unique, created_at timestamptz default now(), payload bytea)`.execute(db);
      }
    },
  };
}

/** The in-code migration provider: names sort in the order they must run. */
export function migrationProvider(dialect: SqlDialectName): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001_initial_schema': initialSchema(dialect),
      '0010_audit_chain': auditChain(dialect),
      '0011_cluster': cluster(dialect),
    }),
  };
}
