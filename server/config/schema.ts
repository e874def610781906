import { Type, type Static } from '@sinclair/typebox';
import { AUDIT_MINIMUM_DAYS } from '../retention/retention-policy.js';

/** a body larger than this is not a metrics batch but a mistake or an attack: 64 MiB */
export const MAX_BODY_LIMIT = 64 * 1024 * 1024;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The server's whole configuration, validated once at start-up; nothing else reads the environment. */
export const ConfigSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535 }),
    /**
     * '127.0.0.1' by default so a server started on a laptop is not reachable from the
     * network; containers must set '0.0.0.0' (FLASHCROWD_HOST=0.0.0.0) to be reachable.
     */
    host: Type.String({ minLength: 1 }),
    dataDir: Type.String({ minLength: 1 }),
    /** path of the contingency plan; null means the embedded default plan */
    plan: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    /**
     * a PostgreSQL URL (postgres://user:password@host:port/database) for the store, shared by
     * several instances; null keeps the embedded SQLite file in dataDir
     */
    databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
    instanceName: Type.Union([Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', maxLength: 128 }), Type.Null()]),
    /** FLASHCROWD_ADMIN_TOKEN: stored by hash at start; null lets the first start create one */
    adminToken: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    /**
     * the address people reach the server at (behind nginx or a load balancer), for the
     * links in feeds, webhooks and incident pages; null: the address it listens on
     */
    publicUrl: Type.Union([Type.String({ pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$', maxLength: 2048 }), Type.Null()]),
    /** status API, feed and dashboard readable without a token */
    publicRead: Type.Boolean(),
    logLevel: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l))),
    /**
     * which reverse proxies to believe about the client address (X-Forwarded-For): null
     * believes nobody, since any client can send that header; otherwise the proxies'
     * addresses or CIDRs, comma-separated (or loopback, linklocal, uniquelocal), or a number
     * of proxy hops in front
     */
    trustProxy: Type.Union([Type.String({ minLength: 1, pattern: '^[0-9A-Za-z.:/, ]+$' }), Type.Null()]),
    auth: Type.Object(
      {
        /** unknown tokens a client may present within the window before it gets 429 */
        failureLimit: Type.Integer({ minimum: 1, maximum: 100_000 }),
        failureWindowSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
      },
      { additionalProperties: false },
    ),
    ingest: Type.Object(
      {
        /** bytes, for POST /api/v1/metrics */
        jsonBodyLimit: Type.Integer({ minimum: 1024, maximum: MAX_BODY_LIMIT }),
        /** bytes of the compressed body, for POST /api/v1/write */
        remoteWriteBodyLimit: Type.Integer({ minimum: 1024, maximum: MAX_BODY_LIMIT }),
        /** requests per token (or client address) per minute on the ingest routes */
        rateLimitPerMinute: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        /** remote-write series held at most; the least recently written are evicted past it */
        remoteWriteMaxSeries: Type.Integer({ minimum: 100, maximum: 10_000_000 }),
      },
      { additionalProperties: false },
    ),
    webhooks: Type.Object(
      {
        timeoutMs: Type.Integer({ minimum: 100, maximum: 120_000 }),
        maxAttempts: Type.Integer({ minimum: 1, maximum: 100 }),
        /** deliver to loopback, RFC 1918, CGNAT and ULA addresses too, for receivers on premises */
        allowPrivate: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    retention: Type.Object(
      {
        /** days a finished drill's events and report are kept */
        drillDays: Type.Integer({ minimum: 1, maximum: 36_500 }),
        /** days audit rows are kept; never fewer than AUDIT_MINIMUM_DAYS */
        auditDays: Type.Integer({ minimum: AUDIT_MINIMUM_DAYS, maximum: 36_500 }),
      },
      { additionalProperties: false },
    ),
    /** the config file that was read, if any (for the start-up log) */
    configFile: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export type Config = Static<typeof ConfigSchema>;
export type LogLevel = Config['logLevel'];

export const DEFAULT_CONFIG: Config = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: './data',
  plan: null,
  databaseUrl: null,
  instanceName: null,
  adminToken: null,
  publicUrl: null,
  publicRead: true,
  logLevel: 'warn',
  trustProxy: null,
  auth: { failureLimit: 20, failureWindowSeconds: 300 },
  ingest: { jsonBodyLimit: 1_048_576, remoteWriteBodyLimit: 4_194_304, rateLimitPerMinute: 600, remoteWriteMaxSeries: 50_000 },
  webhooks: { timeoutMs: 10_000, maxAttempts: 10, allowPrivate: false },
  retention: { drillDays: 90, auditDays: 365 },
  configFile: null,
};
