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
 * DDL is unchanged.) Tables are described as data (TableSpec) for one function to create;
 * migrations.test.ts pins the statements each dialect receives, so rewriting how a
 * migration is written can never change what it does.
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

/**
 * How a column is declared; ColumnTypes gives each its type in the dialect.
 *   key            text primary key
 *   identity       integer primary key that the database numbers
 *   text, text!    text that may be null; text not null
 *   unique text!   text not null unique
 *   float!         8-byte float not null
 *   integer!       integer not null
 *   { references } text not null, a foreign key deleted with the row it points to
 */
type ColumnSpec = 'key' | 'identity' | 'text' | 'text!' | 'unique text!' | 'float!' | 'integer!' | { references: string };

interface TableSpec {
  name: string;
  /** in the order the table lists them */
  columns: Record<string, ColumnSpec>;
  /** index name: its columns */
  indexes?: Record<string, string[]>;
}

function column(spec: ColumnSpec, t: ColumnTypes): [ColumnType, IdentityColumn] {
  if (typeof spec === 'object') return [t.text, (c) => c.notNull().references(spec.references).onDelete('cascade')];
  switch (spec) {
    case 'key':
      return [t.text, (c) => c.primaryKey()];
    case 'identity':
      return ['integer', t.identity];
    case 'text':
      return [t.text, (c) => c];
    case 'text!':
      return [t.text, (c) => c.notNull()];
    case 'unique text!':
      return [t.text, (c) => c.notNull().unique()];
    case 'float!':
      return [t.float, (c) => c.notNull()];
    case 'integer!':
      return ['integer', (c) => c.notNull()];
  }
}

async function createTable(db: Kysely<unknown>, t: ColumnTypes, table: TableSpec): Promise<void> {
  let create = db.schema.createTable(table.name);
  for (const [name, spec] of Object.entries(table.columns)) create = create.addColumn(name, ...column(spec, t));
  await create.execute();
  for (const [name, columns] of Object.entries(table.indexes ?? {})) {
    await db.schema.createIndex(name).on(table.name).columns(columns).execute();
  }
}

const INITIAL_TABLES: readonly TableSpec[] = [
  {
    name: 'drills',
    columns: {
      id: 'key', status: 'text!', scenario: 'text!', policy: 'text!', speed: 'float!', source: 'text!', plan_name: 'text!',
      config_json: 'text!', timezone: 'text!', started_at: 'text!', ended_at: 'text',
      scenario_start: 'text!', scenario_now: 'text!', scenario_end: 'text',
    },
    indexes: { drills_status: ['status'] },
  },
  {
    name: 'incidents',
    columns: {
      id: 'key', drill_id: 'text', service: 'text!', level: 'text!', stage: 'text!',
      opened_at: 'text!', updated_at: 'text!', resolved_at: 'text',
    },
    indexes: { incidents_drill: ['drill_id', 'opened_at'], incidents_resolved: ['resolved_at'] },
  },
  {
    name: 'notices',
    columns: {
      id: 'key', incident_id: 'text!', drill_id: 'text', service: 'text!', t: 'text!', level: 'text!', stage: 'text!',
      author: 'text', edited_at: 'text', notice_json: 'text!',
    },
    indexes: { notices_t: ['t', 'id'], notices_incident: ['incident_id', 't'], notices_drill: ['drill_id', 't'] },
  },
  {
    name: 'engine_events',
    columns: {
      id: 'identity', drill_id: { references: 'drills.id' }, t: 'text!', service: 'text!', type: 'text!',
      reason: 'text', message: 'text!', data_json: 'text',
    },
    indexes: { engine_events_drill: ['drill_id', 'id'] },
  },
  {
    name: 'acknowledgements',
    columns: { id: 'identity', incident_id: { references: 'incidents.id' }, acknowledged_by: 'text!', acknowledged_at: 'text!' },
    indexes: { acknowledgements_incident: ['incident_id'] },
  },
  {
    name: 'webhook_subscriptions',
    columns: { id: 'key', url: 'text!', event_types_json: 'text!', secret: 'text!', created_at: 'text!' },
  },
  {
    name: 'webhook_outbox',
    columns: {
      id: 'key', subscription_id: { references: 'webhook_subscriptions.id' }, event_type: 'text!', payload_json: 'text!',
      status: 'text!', attempts: 'integer!', created_at: 'text!', next_attempt_at: 'text!', delivered_at: 'text', last_error: 'text',
    },
    indexes: { webhook_outbox_due: ['status', 'next_attempt_at'] },
  },
  {
    name: 'audit_log',
    columns: {
      id: 'identity', at: 'text!', actor_token_id: 'text', actor_role: 'text', action: 'text!', target: 'text!', detail_json: 'text',
    },
  },
  {
    name: 'api_tokens',
    columns: { id: 'key', role: 'text!', hash: 'unique text!', name: 'text!', created_at: 'text!', last_used_at: 'text' },
  },
];

function initialSchema(dialect: SqlDialectName): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      for (const table of INITIAL_TABLES) await createTable(db, t, table);
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

const CLUSTER_TABLES: readonly TableSpec[] = [
  { name: 'leases', columns: { name: 'key', holder: 'text!', expires_at: 'text!' } },
  {
    name: 'drill_checkpoints',
    columns: { drill_id: 'key', scenario_now: 'text!', state_json: 'text!', output_json: 'text!', holder: 'text!', saved_at: 'text!' },
  },
  { name: 'drill_reports', columns: { drill_id: 'key', report_json: 'text!' } },
];

/**
 * What several instances on one database coordinate through: the leases, the drills'
 * checkpoints and where each was taken over, and the socket.io adapter's table.
 */
function cluster(dialect: SqlDialectName): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      for (const table of CLUSTER_TABLES) await createTable(db, t, table);
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
