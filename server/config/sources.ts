/**
 * Raw settings from each source, before they are checked: which field, the raw value,
 * and where it came from (so an error can name the flag, variable or file line).
 */
import type { FlashcrowdError } from '../core/errors.js';
import { closestMatch } from '../core/plan/did-you-mean.js';
import { CONFIG_ENV, CONFIG_FIELDS, CONFIG_FLAG, type ConfigField } from './fields.js';

export interface Origin {
  /** the flag or variable name, or the config file key path */
  field: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface RawSetting {
  field: ConfigField;
  raw: unknown;
  origin: Origin;
}

export interface SourceRead {
  settings: RawSetting[];
  /** the config file named by this source, if any */
  configFile?: { path: string; origin: Origin };
  errors: FlashcrowdError[];
}

const FLAGS = new Map(CONFIG_FIELDS.flatMap((f) => (f.flag ? [[f.flag, f] as const] : [])));
const KNOWN_FLAGS = [...FLAGS.keys(), '--no-public-read', CONFIG_FLAG];

function unknownFlag(name: string): FlashcrowdError {
  const near = closestMatch(name, KNOWN_FLAGS);
  const hint = near ? `; did you mean ${near}?` : `; known flags: ${KNOWN_FLAGS.join(', ')}`;
  return { code: 'config.unknown-flag', field: name, message: `unknown flag${hint}` };
}

/** `--name value`, `--name=value`, and for booleans `--name`, `--no-name`. The last of a repeated flag wins. */
export function readFlags(argv: readonly string[]): SourceRead {
  const read: SourceRead = { settings: [], errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      read.errors.push({ code: 'config.argument', field: arg, message: `unexpected argument "${arg}"; settings are given as flags such as --port 8080` });
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const negated = name.startsWith('--no-') ? FLAGS.get(`--${name.slice(5)}`) : undefined;
    if (negated?.kind === 'boolean' && inline === undefined) {
      read.settings.push({ field: negated, raw: false, origin: { field: name } });
      continue;
    }
    const field = FLAGS.get(name);
    if (!field && name !== CONFIG_FLAG) {
      read.errors.push(unknownFlag(name));
      continue;
    }
    let value = inline;
    if (value === undefined && field?.kind === 'boolean') value = 'true';
    if (value === undefined && argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('--')) value = argv[++i];
    if (field) read.settings.push({ field, raw: value, origin: { field: name } });
    else if (value === undefined) read.errors.push({ code: 'config.value', field: name, message: 'expected a config file path, got nothing' });
    else read.configFile = { path: value, origin: { field: name } };
  }
  return read;
}

/** Variables set to the empty string count as unset, as docker-compose leaves them. */
export function readEnv(env: Readonly<Record<string, string | undefined>>): SourceRead {
  const read: SourceRead = { settings: [], errors: [] };
  for (const field of CONFIG_FIELDS) {
    const raw = env[field.env];
    if (raw !== undefined && raw !== '') read.settings.push({ field, raw, origin: { field: field.env } });
  }
  const configPath = env[CONFIG_ENV];
  if (configPath !== undefined && configPath !== '') read.configFile = { path: configPath, origin: { field: CONFIG_ENV } };
  return read;
}
