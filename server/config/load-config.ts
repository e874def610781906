import { fail, ok, type FlashcrowdError, type Result } from '../core/errors.js';
import { coerce } from './coerce.js';
import { parseConfigFile } from './config-file.js';
import { DEFAULT_CONFIG, type Config } from './schema.js';
import { readEnv, readFlags, type RawSetting, type SourceRead } from './sources.js';

/**
 * reads a whole file as UTF-8 text; throws when it cannot (fs.readFileSync(path, 'utf8') will
 * do), or returns a Result whose errors are reported as they are (readInputFileSync)
 */
export type ReadTextFile = (path: string) => string | Result<string>;

function readConfigFile(source: NonNullable<SourceRead['configFile']>, readFile: ReadTextFile): SourceRead {
  let text: string;
  try {
    const read = readFile(source.path);
    if (typeof read !== 'string' && !read.ok) return { settings: [], errors: read.errors };
    text = typeof read === 'string' ? read : read.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { settings: [], errors: [{ code: 'config.file', field: source.origin.field, message: `cannot read the config file "${source.path}": ${reason}` }] };
  }
  return parseConfigFile(text, source.path);
}

function apply(config: Config, settings: readonly RawSetting[], errors: FlashcrowdError[]): void {
  for (const { field, raw, origin } of settings) {
    const checked = coerce(field, raw);
    if (!checked.ok) {
      errors.push({ code: 'config.value', message: checked.message, ...origin });
      continue;
    }
    const [head, leaf] = field.path;
    if (leaf === undefined) (config as unknown as Record<string, unknown>)[head] = checked.value;
    else (config as unknown as Record<string, Record<string, unknown>>)[head]![leaf] = checked.value;
  }
}

/**
 * The configuration from flags, environment, config file and defaults, in that order of
 * precedence; the only place that reads the environment. Every problem in every source is
 * reported, each naming its flag, variable or file line and the form expected.
 */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv, readFile: ReadTextFile): Result<Config> {
  const flags = readFlags(argv);
  const environment = readEnv(env);
  const configFile = flags.configFile ?? environment.configFile;
  const file = configFile ? readConfigFile(configFile, readFile) : { settings: [], errors: [] };

  const config: Config = structuredClone(DEFAULT_CONFIG);
  config.configFile = configFile?.path ?? null;
  const errors = [...flags.errors, ...environment.errors, ...file.errors];
  apply(config, file.settings, errors);
  apply(config, environment.settings, errors);
  apply(config, flags.settings, errors);
  return errors.length > 0 ? fail(...errors) : ok(config);
}
