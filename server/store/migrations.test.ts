/**
 * The statements the migrations send, pinned: a shipped migration must create on a new
 * database exactly what it created on the ones already migrated, however its source is
 * written. Compiled against a driver that runs nothing, so no database is needed.
 */
import { describe, expect, test } from 'vitest';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
} from 'kysely';
import { migrationProvider, type SqlDialectName } from './migrations.js';

const DIALECTS: Record<SqlDialectName, Dialect> = {
  sqlite: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
  postgres: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
};

async function schemaStatements(dialect: SqlDialectName): Promise<string[]> {
  const sent: string[] = [];
  const db = new Kysely<unknown>({
    dialect: DIALECTS[dialect],
    log: (event) => void sent.push(event.query.sql.trim()),
  });
  for (const migration of Object.values(await migrationProvider(dialect).getMigrations())) await migration.up(db);
  return sent.filter((statement) => /^(create|alter) /.test(statement));
}

const EXPECTED: Record<SqlDialectName, string[]> = {
  sqlite: [
    `create table "drills" ("id" text primary key, "status" text not null, "scenario" text not null, "policy" text not null, "speed" real not null, "source" text not null, "plan_name" text not null, "config_json" text not null, "timezone" text not null, "started_at" text not null, "ended_at" text, "scenario_start" text not null, "scenario_now" text not null, "scenario_end" text)`,
    `create index "drills_status" on "drills" ("status")`,
    `create table "incidents" ("id" text primary key, "drill_id" text, "service" text not null, "level" text not null, "stage" text not null, "opened_at" text not null, "updated_at" text not null, "resolved_at" text)`,
    `create index "incidents_drill" on "incidents" ("drill_id", "opened_at")`,
    `create index "incidents_resolved" on "incidents" ("resolved_at")`,
    `create table "notices" ("id" text primary key, "incident_id" text not null, "drill_id" text, "service" text not null, "t" text not null, "level" text not null, "stage" text not null, "author" text, "edited_at" text, "notice_json" text not null)`,
    `create index "notices_t" on "notices" ("t", "id")`,
    `create index "notices_incident" on "notices" ("incident_id", "t")`,
    `create index "notices_drill" on "notices" ("drill_id", "t")`,
    `create table "engine_events" ("id" integer primary key autoincrement, "drill_id" text not null references "drills" ("id") on delete cascade, "t" text not null, "service" text not null, "type" text not null, "reason" text, "message" text not null, "data_json" text)`,
    `create index "engine_events_drill" on "engine_events" ("drill_id", "id")`,
    `create table "acknowledgements" ("id" integer primary key autoincrement, "incident_id" text not null references "incidents" ("id") on delete cascade, "acknowledged_by" text not null, "acknowledged_at" text not null)`,
    `create index "acknowledgements_incident" on "acknowledgements" ("incident_id")`,
    `create table "webhook_subscriptions" ("id" text primary key, "url" text not null, "event_types_json" text not null, "secret" text not null, "created_at" text not null)`,
    `create table "webhook_outbox" ("id" text primary key, "subscription_id" text not null references "webhook_subscriptions" ("id") on delete cascade, "event_type" text not null, "payload_json" text not null, "status" text not null, "attempts" integer not null, "created_at" text not null, "next_attempt_at" text not null, "delivered_at" text, "last_error" text)`,
    `create index "webhook_outbox_due" on "webhook_outbox" ("status", "next_attempt_at")`,
    `create table "audit_log" ("id" integer primary key autoincrement, "at" text not null, "actor_token_id" text, "actor_role" text, "action" text not null, "target" text not null, "detail_json" text)`,
    `create table "api_tokens" ("id" text primary key, "role" text not null, "hash" text not null unique, "name" text not null, "created_at" text not null, "last_used_at" text)`,
    `alter table "audit_log" add column "prev_hash" text`,
    `alter table "audit_log" add column "hash" text`,
    `create table "leases" ("name" text primary key, "holder" text not null, "expires_at" text not null)`,
    `create table "drill_checkpoints" ("drill_id" text primary key, "scenario_now" text not null, "state_json" text not null, "output_json" text not null, "holder" text not null, "saved_at" text not null)`,
    `create table "drill_reports" ("drill_id" text primary key, "report_json" text not null)`,
    `alter table "drills" add column "takeovers_json" text default '[]' not null`,
  ],
  postgres: [
    `create table "drills" ("id" text collate "C" primary key, "status" text collate "C" not null, "scenario" text collate "C" not null, "policy" text collate "C" not null, "speed" double precision not null, "source" text collate "C" not null, "plan_name" text collate "C" not null, "config_json" text collate "C" not null, "timezone" text collate "C" not null, "started_at" text collate "C" not null, "ended_at" text collate "C", "scenario_start" text collate "C" not null, "scenario_now" text collate "C" not null, "scenario_end" text collate "C")`,
    `create index "drills_status" on "drills" ("status")`,
    `create table "incidents" ("id" text collate "C" primary key, "drill_id" text collate "C", "service" text collate "C" not null, "level" text collate "C" not null, "stage" text collate "C" not null, "opened_at" text collate "C" not null, "updated_at" text collate "C" not null, "resolved_at" text collate "C")`,
    `create index "incidents_drill" on "incidents" ("drill_id", "opened_at")`,
    `create index "incidents_resolved" on "incidents" ("resolved_at")`,
    `create table "notices" ("id" text collate "C" primary key, "incident_id" text collate "C" not null, "drill_id" text collate "C", "service" text collate "C" not null, "t" text collate "C" not null, "level" text collate "C" not null, "stage" text collate "C" not null, "author" text collate "C", "edited_at" text collate "C", "notice_json" text collate "C" not null)`,
    `create index "notices_t" on "notices" ("t", "id")`,
    `create index "notices_incident" on "notices" ("incident_id", "t")`,
    `create index "notices_drill" on "notices" ("drill_id", "t")`,
    `create table "engine_events" ("id" integer generated by default as identity primary key, "drill_id" text collate "C" not null references "drills" ("id") on delete cascade, "t" text collate "C" not null, "service" text collate "C" not null, "type" text collate "C" not null, "reason" text collate "C", "message" text collate "C" not null, "data_json" text collate "C")`,
    `create index "engine_events_drill" on "engine_events" ("drill_id", "id")`,
    `create table "acknowledgements" ("id" integer generated by default as identity primary key, "incident_id" text collate "C" not null references "incidents" ("id") on delete cascade, "acknowledged_by" text collate "C" not null, "acknowledged_at" text collate "C" not null)`,
    `create index "acknowledgements_incident" on "acknowledgements" ("incident_id")`,
    `create table "webhook_subscriptions" ("id" text collate "C" primary key, "url" text collate "C" not null, "event_types_json" text collate "C" not null, "secret" text collate "C" not null, "created_at" text collate "C" not null)`,
    `create table "webhook_outbox" ("id" text collate "C" primary key, "subscription_id" text collate "C" not null references "webhook_subscriptions" ("id") on delete cascade, "event_type" text collate "C" not null, "payload_json" text collate "C" not null, "status" text collate "C" not null, "attempts" integer not null, "created_at" text collate "C" not null, "next_attempt_at" text collate "C" not null, "delivered_at" text collate "C", "last_error" text collate "C")`,
    `create index "webhook_outbox_due" on "webhook_outbox" ("status", "next_attempt_at")`,
    `create table "audit_log" ("id" integer generated by default as identity primary key, "at" text collate "C" not null, "actor_token_id" text collate "C", "actor_role" text collate "C", "action" text collate "C" not null, "target" text collate "C" not null, "detail_json" text collate "C")`,
    `create table "api_tokens" ("id" text collate "C" primary key, "role" text collate "C" not null, "hash" text collate "C" not null unique, "name" text collate "C" not null, "created_at" text collate "C" not null, "last_used_at" text collate "C")`,
    `alter table "audit_log" add column "prev_hash" text collate "C"`,
    `alter table "audit_log" add column "hash" text collate "C"`,
    `create table "leases" ("name" text collate "C" primary key, "holder" text collate "C" not null, "expires_at" text collate "C" not null)`,
    `create table "drill_checkpoints" ("drill_id" text collate "C" primary key, "scenario_now" text collate "C" not null, "state_json" text collate "C" not null, "output_json" text collate "C" not null, "holder" text collate "C" not null, "saved_at" text collate "C" not null)`,
    `create table "drill_reports" ("drill_id" text collate "C" primary key, "report_json" text collate "C" not null)`,
    `alter table "drills" add column "takeovers_json" text collate "C" default '[]' not null`,
    `create table if not exists socket_io_attachments (id bigserial unique, created_at timestamptz default now(), payload bytea)`,
  ],
};

describe('migrations', () => {
  test.each(['sqlite', 'postgres'] as const)('send the same schema statements on %s', async (dialect) => {
    expect(await schemaStatements(dialect)).toEqual(EXPECTED[dialect]);
  });
});
