/**
 * Hostile input to everything the command line reads: plan YAML, scenario JSON, CSV traces,
 * config files and argv. No throw may escape, and every refusal is a FlashcrowdError that
 * says where (file with line and column, or a field). Sizes stay small so each run is quick;
 * the size caps themselves are tested beside the readers.
 *
 * FUZZ_SEED picks the seed, FUZZ_SCALE multiplies the runs (e.g. FUZZ_SCALE=20 overnight).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { main } from '../../server/cli/main.js';
import { loadConfig } from '../../server/config/index.js';
import { parseCsvTrace } from '../../server/core/drill/csv-trace.js';
import { parseScenarioJson } from '../../server/core/drill/scenario-json.js';
import { SCENARIO_LIMITS } from '../../server/core/drill/scenario-validate.js';
import type { FlashcrowdError, Result } from '../../server/core/errors.js';
import { parsePlan } from '../../server/core/plan/index.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

/** A refusal a person can act on: a code, a sentence, and a place. */
function expectLocated(errors: readonly FlashcrowdError[], file: string): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e.code).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/\n\s+at /);
    const placed = (e.file === file && e.line !== undefined && e.column !== undefined) || e.field !== undefined || e.code.endsWith('more-errors');
    expect(placed, JSON.stringify(e)).toBe(true);
  }
}

function expectResult<T>(run: () => Result<T>, file: string): Result<T> {
  let result: Result<T>;
  try {
    result = run();
  } catch (e) {
    throw new Error(`threw instead of returning errors: ${(e as Error).stack ?? String(e)}`);
  }
  if (!result.ok) expectLocated(result.errors, file);
  return result;
}

// pieces people (and attackers) put in YAML: anchors, aliases, tags, flow collections, odd scalars
const yamlScalar = fc.oneof(
  fc.constantFrom('~', 'null', '.inf', '-.inf', '.nan', '1e400', '-0', '0x1F', '0o17', '1_000', 'yes', 'true', '"', "'", '[', '{', '&a', '*a', '*b', '!!binary aGk=', '!!str 5', '!custom x', '<<', '|', '>', '%YAML 1.2', '---', '...', '#', '"\\u0000"', '__proto__', 'constructor', '90s', '5m', '25%', 'utilization >= 0.9'),
  fc.string({ maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
);
const yamlKey = fc.oneof(
  fc.constantFrom('name', 'timezone', 'tick', 'levels', 'defaults', 'services', 'messaging', 'capacity', 'rpsPerServer', 'maxServers', 'minServers', 'notices', 'cause', 'en', 'zh-CN', 'kind', 'templates', 'surge', 'triggers', 'scale', 'throttle', 'standby', '__proto__', '<<', '? complex'),
  fc.string({ maxLength: 8 }),
);
const yamlLine = fc.tuple(fc.nat(6), yamlKey, fc.constantFrom(': ', ':', ' - ', ': &a ', ': *a ', ': !!map ', ': [', ': {'), yamlScalar)
  .map(([indent, key, sep, value]) => `${' '.repeat(indent)}${key}${sep}${value}`);
// weights keep the costly shapes (a valid plan compiles, an alias bomb expands) to a few
// hundred cases each, enough to prove the point without slowing the rest
const yamlText = fc.oneof(
  { weight: 8, arbitrary: fc.array(yamlLine, { maxLength: 30 }).map((lines) => lines.join('\n')) },
  { weight: 8, arbitrary: fc.string({ maxLength: 300 }) },
  // a valid plan with one value replaced
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('name', 'tick', 'rpsPerServer', 'maxServers', 'displayName', 'kind', 'en'), yamlScalar).map(([key, value]) =>
    `name: fuzz\ntick: 15s\nservices:\n  chat:\n    displayName: Chat\n    kind: messaging\n    capacity: { rpsPerServer: 100, maxServers: 10 }\n    notices:\n      cause: { en: holiday }\n`
      .replace(new RegExp(`(${key}: )[^,}\\n]*`), `$1${value}`)) },
  // alias expansions, the resource-exhaustion shape
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 12 }).map((width) => {
    const lines = ['name: bomb', `a0: &a0 [${Array(width).fill('x').join(',')}]`];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(',')}]`);
    return lines.join('\n');
  }) },
);

describe('plan YAML', () => {
  test('any text parses to a plan or to located errors', { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(fc.property(yamlText, (text) => {
      expectResult(() => parsePlan(text, 'plan.yaml', () => undefined, []), 'plan.yaml');
    }), cases());
  });
});

const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1e12, 1e-3, 1e308, Number.MAX_SAFE_INTEGER, 0.5));
const jsonish = fc.oneof(number, fc.string({ maxLength: 10 }), fc.boolean(), fc.constant(null), fc.array(number, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 5 }), number, { maxKeys: 3 }));
const scenarioValue = fc.record({
  name: fc.oneof(fc.constant('fuzz'), jsonish),
  timezone: fc.oneof(fc.constantFrom('Asia/Shanghai', 'UTC', 'Mars/Olympus', ''), jsonish),
  start: fc.oneof(fc.constantFrom('2020-02-03T00:00:00+08:00', '2020-02-30T00:00:00Z', '2020-02-03T00:00', '9999-12-31T23:59:59Z'), jsonish),
  stepSeconds: fc.oneof(number, jsonish),
  services: fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom('messaging', '__proto__', 'constructor', ''), fc.string({ maxLength: 6 })), fc.array(fc.oneof(number, jsonish), { maxLength: 20 }), { maxKeys: 4 }),
    jsonish,
  ),
  seed: fc.oneof(fc.constant(null), number),
}, { requiredKeys: [] });
const jsonText = fc.oneof(
  scenarioValue.map((v) => JSON.stringify(v, null, 2)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  scenarioValue.map((v) => JSON.stringify(v).slice(0, 40)),
);

describe('scenario JSON', () => {
  test('any text is a scenario within the documented ranges, or located errors', { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(fc.property(jsonText, (text) => {
      const result = expectResult(() => parseScenarioJson(text, 'scenario.json'), 'scenario.json');
      if (!result.ok) return;
      const { stepSeconds, services } = result.value;
      expect(stepSeconds).toBeGreaterThanOrEqual(SCENARIO_LIMITS.stepSeconds.min);
      expect(stepSeconds).toBeLessThanOrEqual(SCENARIO_LIMITS.stepSeconds.max);
      for (const samples of Object.values(services)) for (const rps of samples) expect(rps >= 0 && rps <= SCENARIO_LIMITS.maxRps).toBe(true);
    }), cases());
  });
});

const csvField = fc.oneof(
  fc.constantFrom('2020-02-03T09:00:00+08:00', '2020-02-03T09:01:00Z', '02/03/2020 09:00', '1580691600', '-1', '99999999999999999999', '1e5', 'NaN', 'Infinity', '0x10', '', '"quoted"', '"', ' 5 ', '__proto__', 'messaging', '1e400'),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const csvText = fc.tuple(
  fc.constantFrom('timestamp,rps', 'timestamp,rps,service', 'rps,timestamp', 'service,timestamp,rps', 'timestamp,timestamp', '', '\uFEFFtimestamp,rps', '# comment\ntimestamp,rps'),
  fc.array(fc.array(csvField, { minLength: 1, maxLength: 4 }).map((f) => f.join(',')), { maxLength: 40 }),
  fc.constantFrom('\n', '\r\n'),
).map(([header, rows, eol]) => [header, ...rows].join(eol));

describe('CSV traces', () => {
  test('any text is a trace or located errors, grouped and capped', { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(fc.property(csvText, fc.option(fc.constantFrom('messaging', '__proto__', 'x'), { nil: undefined }), (text, service) => {
      const result = expectResult(() => parseCsvTrace(text, 'trace.csv', service === undefined ? {} : { service }), 'trace.csv');
      if (!result.ok) expect(result.errors.length).toBeLessThanOrEqual(21);
    }), cases());
  });
});

const configText = fc.oneof(
  fc.array(fc.tuple(fc.nat(4), fc.constantFrom('port', 'host', 'dataDir', 'plan', 'logLevel', 'ingest', 'jsonBodyLimit', 'webhooks', 'timeoutMs', 'publicRead', 'prot', '__proto__', '<<'), yamlScalar)
    .map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`), { maxLength: 12 }).map((lines) => lines.join('\n')),
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 200 }),
  fc.constant('a: &a [1,2]\nport: *a'),
);

describe('config files', () => {
  test('any config file is a config or errors naming the file line or the setting', { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(fc.property(configText, (text) => {
      const result = expectResult(() => loadConfig(['--config', 'flashcrowd.yaml'], {}, () => text), 'flashcrowd.yaml');
      if (result.ok) expect(Number.isInteger(result.value.port)).toBe(true);
    }), cases());
  });
});

const argWord = fc.oneof(
  fc.constantFrom('replay', 'validate', 'help', 'token', '--version', '--help', '-h', '--', '-', '--scenario', '--plan', '--policy', '--from', '--to', '--json', '--service', '--report', '--scenario=', '--policy=step,,none', 'step', 'none', 'fastest', 'feb4', './nope.json', '/dev/null', '/', '2020-02-03T07:00', 'yesterday', '--data-dir', 'create', '--role', '__proto__'),
  fc.string({ maxLength: 8 }),
);

describe('the command line', () => {
  test('odd argv ends with status 0, 1 or 2 and never throws or reports a bug', async () => {
    await fc.assert(fc.asyncProperty(fc.array(argWord, { maxLength: 6 }), async (argv) => {
      // serve would listen and token create would write a data folder: other suites cover them
      fc.pre(argv[0] !== 'token' || !argv.includes('create'));
      const err: string[] = [];
      const code = await main(argv, { out: () => {}, err: (line) => err.push(line), isTty: false });
      expect([0, 1, 2], err.join('\n')).toContain(code);
      expect(err.join('\n')).not.toMatch(/\n\s+at |unexpected failure/);
    }), cases(200));
  });
});
