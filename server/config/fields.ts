/**
 * Every setting and where it can come from. Precedence: flag > environment > config file > default.
 *
 * | setting                       | flag                      | environment                          | default       |
 * |-------------------------------|---------------------------|--------------------------------------|---------------|
 * | port                          | --port                    | FLASHCROWD_PORT                      | 8080          |
 * | host                          | --host                    | FLASHCROWD_HOST                      | 127.0.0.1     |
 * | dataDir                       | --data-dir                | FLASHCROWD_DATA_DIR                  | ./data        |
 * | plan                          | --plan                    | FLASHCROWD_PLAN                      | embedded plan |
 * | databaseUrl                   | (none: it holds a password)   | FLASHCROWD_DATABASE_URL          | SQLite file   |
 * | instanceName                  | --instance-name           | FLASHCROWD_INSTANCE_NAME             | host:port     |
 * | adminToken                    | (none: argv is visible in ps) | FLASHCROWD_ADMIN_TOKEN           | none          |
 * | publicUrl                     | --public-url              | FLASHCROWD_PUBLIC_URL                | listen address|
 * | publicRead                    | --public-read / --no-public-read | FLASHCROWD_PUBLIC_READ        | true          |
 * | logLevel                      | --log-level               | FLASHCROWD_LOG_LEVEL                 | warn          |
 * | trustProxy                    | --trust-proxy             | FLASHCROWD_TRUST_PROXY               | none          |
 * | auth.failureLimit             | --auth-failure-limit      | FLASHCROWD_AUTH_FAILURE_LIMIT        | 20            |
 * | auth.failureWindowSeconds     | --auth-failure-window     | FLASHCROWD_AUTH_FAILURE_WINDOW       | 300           |
 * | ingest.jsonBodyLimit          | --ingest-body-limit       | FLASHCROWD_INGEST_BODY_LIMIT         | 1048576       |
 * | ingest.remoteWriteBodyLimit   | --remote-write-body-limit | FLASHCROWD_REMOTE_WRITE_BODY_LIMIT   | 4194304       |
 * | ingest.rateLimitPerMinute     | --ingest-rate-limit       | FLASHCROWD_INGEST_RATE_LIMIT         | 600           |
 * | ingest.remoteWriteMaxSeries   | --remote-write-max-series | FLASHCROWD_REMOTE_WRITE_MAX_SERIES   | 50000         |
 * | webhooks.timeoutMs            | --webhook-timeout-ms      | FLASHCROWD_WEBHOOK_TIMEOUT_MS        | 10000         |
 * | webhooks.maxAttempts          | --webhook-max-attempts    | FLASHCROWD_WEBHOOK_MAX_ATTEMPTS      | 10            |
 * | webhooks.allowPrivate         | --webhook-allow-private   | FLASHCROWD_WEBHOOK_ALLOW_PRIVATE     | false         |
 * | retention.drillDays           | --retention-days          | FLASHCROWD_RETENTION_DAYS            | 90            |
 * | retention.auditDays           | --audit-retention-days    | FLASHCROWD_AUDIT_RETENTION_DAYS      | 365 (min 180) |
 * | (the config file itself)      | --config                  | FLASHCROWD_CONFIG                    | none          |
 *
 * The config file (JSON or YAML) uses the setting names above, nested for auth, ingest and webhooks.
 */
import type { TSchema } from '@sinclair/typebox';
import { AUDIT_MINIMUM_DAYS, AUDIT_MINIMUM_REASON } from '../retention/retention-policy.js';
import { ConfigSchema, LOG_LEVELS } from './schema.js';

export type FieldKind = 'integer' | 'string' | 'boolean';

export interface ConfigField {
  /** key path in Config and in the config file */
  path: readonly [string] | readonly [string, string];
  flag: string | null;
  env: string;
  kind: FieldKind;
  schema: TSchema;
  /** completes "expected ..., got ..." */
  expected: string;
}

const p = ConfigSchema.properties;
const ingest = p.ingest.properties;
const webhooks = p.webhooks.properties;
const retention = p.retention.properties;
const auth = p.auth.properties;

export const CONFIG_FIELDS: readonly ConfigField[] = [
  { path: ['port'], flag: '--port', env: 'FLASHCROWD_PORT', kind: 'integer', schema: p.port, expected: 'a port number 0-65535' },
  { path: ['host'], flag: '--host', env: 'FLASHCROWD_HOST', kind: 'string', schema: p.host, expected: 'a host name or address to listen on, e.g. 127.0.0.1 or 0.0.0.0' },
  { path: ['dataDir'], flag: '--data-dir', env: 'FLASHCROWD_DATA_DIR', kind: 'string', schema: p.dataDir, expected: 'a directory path' },
  { path: ['plan'], flag: '--plan', env: 'FLASHCROWD_PLAN', kind: 'string', schema: p.plan, expected: 'a plan file path' },
  { path: ['databaseUrl'], flag: null, env: 'FLASHCROWD_DATABASE_URL', kind: 'string', schema: p.databaseUrl, expected: 'a PostgreSQL URL such as postgres://user:password@host:5432/flashcrowd' },
  { path: ['instanceName'], flag: '--instance-name', env: 'FLASHCROWD_INSTANCE_NAME', kind: 'string', schema: p.instanceName, expected: 'a name for this instance among several on one PostgreSQL database: letters, digits and . _ : -' },
  { path: ['adminToken'], flag: null, env: 'FLASHCROWD_ADMIN_TOKEN', kind: 'string', schema: p.adminToken, expected: 'a token string' },
  { path: ['publicUrl'], flag: '--public-url', env: 'FLASHCROWD_PUBLIC_URL', kind: 'string', schema: p.publicUrl, expected: 'an http(s) URL without query, such as https://status.example.com' },
  { path: ['publicRead'], flag: '--public-read', env: 'FLASHCROWD_PUBLIC_READ', kind: 'boolean', schema: p.publicRead, expected: 'true or false' },
  { path: ['logLevel'], flag: '--log-level', env: 'FLASHCROWD_LOG_LEVEL', kind: 'string', schema: p.logLevel, expected: `one of ${LOG_LEVELS.join(', ')}` },
  { path: ['trustProxy'], flag: '--trust-proxy', env: 'FLASHCROWD_TRUST_PROXY', kind: 'string', schema: p.trustProxy, expected: 'the proxies to trust: addresses or CIDRs separated by commas (e.g. 10.0.0.1,10.1.0.0/16), loopback, or a number of hops' },
  { path: ['auth', 'failureLimit'], flag: '--auth-failure-limit', env: 'FLASHCROWD_AUTH_FAILURE_LIMIT', kind: 'integer', schema: auth.failureLimit, expected: 'a number of failed authentications between 1 and 100000' },
  { path: ['auth', 'failureWindowSeconds'], flag: '--auth-failure-window', env: 'FLASHCROWD_AUTH_FAILURE_WINDOW', kind: 'integer', schema: auth.failureWindowSeconds, expected: 'seconds between 1 and 86400' },
  { path: ['ingest', 'jsonBodyLimit'], flag: '--ingest-body-limit', env: 'FLASHCROWD_INGEST_BODY_LIMIT', kind: 'integer', schema: ingest.jsonBodyLimit, expected: 'a size in bytes, 1024 to 67108864 (64 MiB)' },
  { path: ['ingest', 'remoteWriteBodyLimit'], flag: '--remote-write-body-limit', env: 'FLASHCROWD_REMOTE_WRITE_BODY_LIMIT', kind: 'integer', schema: ingest.remoteWriteBodyLimit, expected: 'a size in bytes, 1024 to 67108864 (64 MiB)' },
  { path: ['ingest', 'rateLimitPerMinute'], flag: '--ingest-rate-limit', env: 'FLASHCROWD_INGEST_RATE_LIMIT', kind: 'integer', schema: ingest.rateLimitPerMinute, expected: 'a number of requests per minute, 1 to 1000000' },
  { path: ['ingest', 'remoteWriteMaxSeries'], flag: '--remote-write-max-series', env: 'FLASHCROWD_REMOTE_WRITE_MAX_SERIES', kind: 'integer', schema: ingest.remoteWriteMaxSeries, expected: 'a number of series from 100 to 10000000' },
  { path: ['webhooks', 'timeoutMs'], flag: '--webhook-timeout-ms', env: 'FLASHCROWD_WEBHOOK_TIMEOUT_MS', kind: 'integer', schema: webhooks.timeoutMs, expected: 'milliseconds between 100 and 120000' },
  { path: ['webhooks', 'maxAttempts'], flag: '--webhook-max-attempts', env: 'FLASHCROWD_WEBHOOK_MAX_ATTEMPTS', kind: 'integer', schema: webhooks.maxAttempts, expected: 'a number of attempts between 1 and 100' },
  { path: ['webhooks', 'allowPrivate'], flag: '--webhook-allow-private', env: 'FLASHCROWD_WEBHOOK_ALLOW_PRIVATE', kind: 'boolean', schema: webhooks.allowPrivate, expected: 'true or false' },
  { path: ['retention', 'drillDays'], flag: '--retention-days', env: 'FLASHCROWD_RETENTION_DAYS', kind: 'integer', schema: retention.drillDays, expected: 'days to keep a finished drill\'s events and report, 1 to 36500' },
  { path: ['retention', 'auditDays'], flag: '--audit-retention-days', env: 'FLASHCROWD_AUDIT_RETENTION_DAYS', kind: 'integer', schema: retention.auditDays, expected: `days to keep the audit log, ${AUDIT_MINIMUM_DAYS} to 36500 (${AUDIT_MINIMUM_REASON})` },
];

export const CONFIG_FLAG = '--config';
export const CONFIG_ENV = 'FLASHCROWD_CONFIG';

/** settings whose relative paths in a config file are relative to that file */
export const PATH_FIELDS: ReadonlySet<string> = new Set(['dataDir', 'plan']);

export function fieldKey(field: ConfigField): string {
  return field.path.join('.');
}
