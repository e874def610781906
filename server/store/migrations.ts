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
 *   audit_log              every change: when, actor token id and role, action, target, detail JSON
 *   api_tokens             token id, role, SHA-256 hash and name; never the token itself
 *
 * Migrations only ever get added: a shipped migration is never edited.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from 'kysely';

/** The SQL dialects the migrations are written for; only identity columns differ between them. */
export type SqlDialectName = 'sqlite' | 'postgres';

type IdentityColumn = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

function identity(dialect: SqlDialectName): IdentityColumn {
  return (col) =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
}

async function createDrills(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('drills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('speed', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('plan_name', 'text', (c) => c.notNull())
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('scenario_start', 'text', (c) => c.notNull())
    .addColumn('scenario_now', 'text', (c) => c.notNull())
    .addColumn('scenario_end', 'text')
    .execute();
  await db.schema.createIndex('drills_status').on('drills').column('status').execute();
}

async function createIncidents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('drill_id', 'text')
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('incidents_drill').on('incidents').columns(['drill_id', 'opened_at']).execute();
  await db.schema.createIndex('incidents_resolved').on('incidents').column('resolved_at').execute();
}

async function createNotices(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('drill_id', 'text')
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('t', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('notice_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_t').on('notices').columns(['t', 'id']).execute();
  await db.schema.createIndex('notices_incident').on('notices').columns(['incident_id', 't']).execute();
  await db.schema.createIndex('notices_drill').on('notices').columns(['drill_id', 't']).execute();
}

async function createEngineEvents(db: Kysely<unknown>, id: IdentityColumn): Promise<void> {
  await db.schema
    .createTable('engine_events')
    .addColumn('id', 'integer', id)
    .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id').onDelete('cascade'))
    .addColumn('t', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text')
    .execute();
  await db.schema.createIndex('engine_events_drill').on('engine_events').columns(['drill_id', 'id']).execute();
}

async function createAcknowledgements(db: Kysely<unknown>, id: IdentityColumn): Promise<void> {
  await db.schema
    .createTable('acknowledgements')
    .addColumn('id', 'integer', id)
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('acknowledged_by', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('acknowledgements_incident').on('acknowledgements').column('incident_id').execute();
}

async function createWebhookSubscriptions(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('event_types_json', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createWebhookOutbox(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) =>
      c.notNull().references('webhook_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_outbox_due')
    .on('webhook_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

async function createAuditLog(db: Kysely<unknown>, id: IdentityColumn): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_token_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text')
    .execute();
}

async function createApiTokens(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}

function initialSchema(dialect: SqlDialectName): Migration {
  const id = identity(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await createDrills(db);
      await createIncidents(db);
      await createNotices(db);
      await createEngineEvents(db, id);
      await createAcknowledgements(db, id);
      await createWebhookSubscriptions(db);
      await createWebhookOutbox(db);
      await createAuditLog(db, id);
      await createApiTokens(db);
    },
  };
}

/** The in-code migration provider: names sort in the order they must run. */
export function migrationProvider(dialect: SqlDialectName): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001_initial_schema': initialSchema(dialect),
    }),
  };
}
