import { describe, expect, test } from 'vitest';
import type { FlashcrowdError } from '../errors.js';
import { parsePlan } from './parse.js';

const service = (body: string) => `name: t\nservices:\n  api:\n${body}`;
const valid = '    capacity: {rpsPerServer: 200, maxServers: 10}\n';

function errorsOf(text: string, readFile?: (path: string) => string | undefined): FlashcrowdError[] {
  const result = parsePlan(text, 'plan.yaml', readFile);
  if (result.ok) throw new Error('expected the plan to be rejected');
  return result.errors;
}

interface Mistake {
  name: string;
  text: string;
  error: Required<Pick<FlashcrowdError, 'code' | 'line' | 'column'>> & { field?: string; message: string | RegExp };
}

const mistakes: Mistake[] = [
  {
    name: 'YAML syntax error',
    text: 'name: t\nservices:\n  api:\n    capacity:\n      rpsPerServer: 100\n     maxServers: 10\n',
    error: { code: 'plan.yaml', line: 6, column: 1, message: /^YAML syntax error: All mapping items must start at the same column/ },
  },
  {
    name: 'a fleet larger than MAX_SERVERS',
    text: service('    capacity: {rpsPerServer: 1, maxServers: 1000000000000}\n'),
    error: { code: 'plan.range', line: 4, column: 45, field: 'services.api.capacity.maxServers', message: /at most 1000000/ },
  },
  {
    name: 'duplicate key',
    text: 'name: t\nname: u\nservices:\n  api:\n' + valid,
    error: { code: 'plan.yaml', line: 2, column: 1, message: /Map keys must be unique/ },
  },
  {
    name: 'unknown key with a suggestion',
    text: service('    capacity:\n      rpsPerServe: 200\n      maxServers: 10\n'),
    error: { code: 'plan.unknown-key', line: 5, column: 7, field: 'services.api.capacity.rpsPerServe', message: /^unknown key "rpsPerServe"; did you mean "rpsPerServer"\? \(allowed keys: rpsPerServer, targetUtilization/ },
  },
  {
    name: 'wrong type',
    text: service('    capacity:\n      rpsPerServer: fast\n      maxServers: 10\n'),
    error: { code: 'plan.type', line: 5, column: 21, field: 'services.api.capacity.rpsPerServer', message: 'expected a number of requests per second, got "fast"' },
  },
  {
    name: 'out-of-range number',
    text: service('    capacity:\n      rpsPerServer: 200\n      maxServers: 10\n      targetUtilization: 1.5\n'),
    error: { code: 'plan.range', line: 7, column: 26, field: 'services.api.capacity.targetUtilization', message: 'expected a fraction above 0 and at most 1, got 1.5' },
  },
  {
    name: 'bad duration',
    text: service(`${valid}    standby:\n      start: 90 seconds\n`),
    error: { code: 'plan.format', line: 6, column: 14, field: 'services.api.standby.start', message: 'expected a duration like "90s", "5m", "1h" or "250ms", or a number of seconds, got "90 seconds"' },
  },
  {
    name: 'unknown level in a rule',
    text: service(`${valid}    scale:\n      rules:\n        surg:\n          - add: 2\n`),
    error: { code: 'plan.level', line: 7, column: 9, field: 'services.api.scale.rules.surg', message: 'unknown level "surg"; did you mean "surge"? (levels: watch, surge, critical)' },
  },
  {
    name: 'unknown level in a trigger',
    text: service(`${valid}    triggers:\n      - level: panic\n        when: {any: ["rps > 10"]}\n`),
    error: { code: 'plan.level', line: 6, column: 16, field: 'services.api.triggers[0].level', message: 'unknown level "panic" (levels: watch, surge, critical)' },
  },
  {
    name: 'min > max',
    text: service('    capacity:\n      rpsPerServer: 200\n      minServers: 50\n      maxServers: 10\n'),
    error: { code: 'plan.servers', line: 6, column: 19, field: 'services.api.capacity.minServers', message: 'minServers (50) is greater than maxServers (10)' },
  },
  {
    name: 'initial outside min..max',
    text: service('    capacity:\n      rpsPerServer: 200\n      maxServers: 10\n      initialServers: 11\n'),
    error: { code: 'plan.servers', line: 7, column: 23, field: 'services.api.capacity.initialServers', message: 'expected initialServers from minServers (1) to maxServers (10), got 11' },
  },
  {
    name: 'unknown placeholder',
    text: service(`${valid}    notices:\n      templates:\n        surge:\n          identified:\n            en:\n              title: "{servce} is slow"\n              body: ok\n`),
    error: { code: 'plan.placeholder', line: 10, column: 22, field: 'services.api.notices.templates.surge.identified.en.title', message: /^unknown placeholder "\{servce\}"; did you mean "\{service\}"\?/ },
  },
  {
    name: 'bad regex',
    text: service(`${valid}    series:\n      - metric: http_requests_total\n        matchers:\n          service: "~(api"\n`),
    error: { code: 'plan.regex', line: 8, column: 20, field: 'services.api.series[0].matchers.service', message: 'invalid regular expression "(api": Unterminated group' },
  },
  {
    name: 'missing required key (position of the parent object)',
    text: service('    capacity:\n      maxServers: 10\n'),
    error: { code: 'plan.missing', line: 5, column: 7, field: 'services.api.capacity.rpsPerServer', message: /^missing required key "rpsPerServer"/ },
  },
  {
    name: 'missing top-level key',
    text: 'services:\n  api:\n' + valid,
    error: { code: 'plan.missing', line: 1, column: 1, field: 'name', message: 'missing required key "name": expected a plan name' },
  },
  {
    name: 'misspelt metric in a condition',
    text: service(`${valid}    triggers:\n      - level: surge\n        when:\n          any:\n            - utilisation >= 0.9\n`),
    error: { code: 'plan.format', line: 9, column: 15, field: 'services.api.triggers[0].when.any[0]', message: /^unknown metric "utilisation"; did you mean "utilization"\?/ },
  },
  {
    name: 'condition group with both any and all',
    text: service(`${valid}    triggers:\n      - level: surge\n        when: {any: ["rps > 1"], all: ["rps > 2"]}\n`),
    error: { code: 'plan.shape', line: 7, column: 15, field: 'services.api.triggers[0].when', message: 'expected either {any: [conditions]} or {all: [conditions]}, got {any, all}' },
  },
  {
    name: 'fractional server count in an action',
    text: service(`${valid}    scale:\n      rules:\n        surge: [{activateStandby: 2.5}]\n`),
    error: { code: 'plan.type', line: 7, column: 35, field: 'services.api.scale.rules.surge[0].activateStandby', message: 'expected a number of servers or a percentage like "25%", got 2.5' },
  },
  {
    name: 'service name not lowercase',
    text: 'name: t\nservices:\n  Api:\n' + valid,
    error: { code: 'plan.name', line: 3, column: 3, field: 'services.Api', message: /^invalid name "Api"/ },
  },
  {
    name: 'missing templates for a custom level that publishes notices',
    text: `name: t\nlevels: [busy, overload]\nservices:\n  api:\n${valid}`,
    error: { code: 'plan.template', line: 5, column: 5, field: 'services.api.notices', message: /^level "overload" publishes notices \(openAt is "overload"\) but has no template, and no built-in one, for investigating.en/ },
  },
  {
    name: 'unknown time zone',
    text: `name: t\ntimezone: Asia/Shanghia\nservices:\n  api:\n${valid}`,
    error: { code: 'plan.timezone', line: 2, column: 11, field: 'timezone', message: /^unknown IANA time zone "Asia\/Shanghia"; did you mean "Asia\/Shanghai"\?/ },
  },
  {
    name: 'HPA manifest that cannot be read',
    text: service('    capacity: {rpsPerServer: 200}\n    scale:\n      targetTracking:\n        hpaManifest: hpa.yaml\n'),
    error: { code: 'plan.hpa-manifest', line: 7, column: 22, field: 'services.api.scale.targetTracking.hpaManifest', message: /^cannot read the HPA manifest "hpa.yaml"/ },
  },
];

describe('parsePlan errors', () => {
  test.each(mistakes)('$name', ({ text, error }) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    const [only] = errors;
    const { message, ...where } = error;
    expect(only).toMatchObject({ file: 'plan.yaml', ...where });
    if (typeof message === 'string') expect(only?.message).toBe(message);
    else expect(only?.message).toMatch(message);
  });

  test('reports every error of a plan, not just the first', () => {
    const text = service('    capacity:\n      rpsPerServe: 200\n      maxServers: many\n    standby:\n      start: soon\n');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.field)).toEqual([
      'services.api.capacity.rpsPerServe',
      'services.api.capacity.maxServers',
      'services.api.standby.start',
    ]);
  });

  test('reports semantic errors of every service in one run', () => {
    const text = 'name: t\nservices:\n  a:\n    capacity: {rpsPerServer: 1, minServers: 5, maxServers: 2}\n  b:\n    capacity: {maxServers: 2}\n    triggers: [{level: panic, when: {any: ["rps > 1"]}}]\n';
    expect(errorsOf(text).map((e) => e.code)).toEqual(['plan.servers', 'plan.missing', 'plan.level']);
  });

  test('a mistake in defaults is reported once, where it is written', () => {
    const text = `name: t\ndefaults:\n  scale:\n    rules:\n      surg: [{add: 1}]\nservices:\n  a:\n${valid}  b:\n${valid}`;
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ code: 'plan.level', line: 5, column: 7, field: 'defaults.scale.rules.surg' }),
    ]);
  });

  test('an anyOf failure gives one message per field', () => {
    const text = service(`${valid}    cold:\n      provision: [1]\n      start: -5\n`);
    expect(errorsOf(text).map((e) => [e.field, e.message])).toEqual([
      ['services.api.cold.provision', 'expected a duration like "90s", "5m", "1h" or "250ms", or a number of seconds, got a list of 1'],
      ['services.api.cold.start', 'expected a number of seconds at least 0, got -5'],
    ]);
  });

  test('errors in two services under the same union stay apart', () => {
    const text = 'name: t\nservices:\n  a:\n    capacity: {rpsPerServer: 1, maxServers: 2}\n    standby: {start: 5 min}\n  b:\n    capacity: {rpsPerServer: 1, maxServers: 2}\n    standby: {start: 90s}\n';
    expect(errorsOf(text).map((e) => e.field)).toEqual(['services.a.standby.start']);
  });
});
