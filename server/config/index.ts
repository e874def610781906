export { loadConfig, type ReadTextFile } from './load-config.js';
export { ConfigSchema, DEFAULT_CONFIG, LOG_LEVELS, type Config, type LogLevel } from './schema.js';
export { CONFIG_FIELDS, CONFIG_ENV, CONFIG_FLAG, type ConfigField } from './fields.js';
export { fastifyTrustProxy } from './trust-proxy.js';
