import { Type, type Static } from '@sinclair/typebox';

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
    /** FLASHCROWD_ADMIN_TOKEN: stored by hash at start; null lets the first start create one */
    adminToken: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    /** status API, feed and dashboard readable without a token */
    publicRead: Type.Boolean(),
    logLevel: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l))),
    ingest: Type.Object(
      {
        /** bytes, for POST /api/v1/metrics */
        jsonBodyLimit: Type.Integer({ minimum: 1024 }),
        /** bytes of the compressed body, for POST /api/v1/write */
        remoteWriteBodyLimit: Type.Integer({ minimum: 1024 }),
        /** requests per token (or client address) per minute on the ingest routes */
        rateLimitPerMinute: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
    webhooks: Type.Object(
      {
        timeoutMs: Type.Integer({ minimum: 100, maximum: 120_000 }),
        maxAttempts: Type.Integer({ minimum: 1, maximum: 100 }),
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
  adminToken: null,
  publicRead: true,
  logLevel: 'warn',
  ingest: { jsonBodyLimit: 1_048_576, remoteWriteBodyLimit: 4_194_304, rateLimitPerMinute: 600 },
  webhooks: { timeoutMs: 10_000, maxAttempts: 10 },
  configFile: null,
};
