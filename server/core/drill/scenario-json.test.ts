import { describe, expect, it } from 'vitest';
import { FEB3_PARAMS, formatScenarioJson, generateScenario, parseScenarioJson, type Scenario } from './scenario.js';

const small: Scenario = {
  name: 'small', description: 'two services', timezone: 'Asia/Shanghai', start: '2020-02-03T09:00:00+08:00',
  stepSeconds: 60, services: { a: [1, 2, 3], b: [4, 5, 6] }, seed: null, params: null,
};

describe('parseScenarioJson', () => {
  it('reads back what formatScenarioJson writes', () => {
    const generated = generateScenario({ ...FEB3_PARAMS, end: '2020-02-02T03:00:00+08:00' }, 1);
    expect(parseScenarioJson(formatScenarioJson(generated), 'g.json')).toEqual({ ok: true, value: generated });
    expect(parseScenarioJson(formatScenarioJson(small, 2), 's.json')).toEqual({ ok: true, value: small });
  });

  it('fills in description, seed and params when absent', () => {
    const text = JSON.stringify({ name: 'x', timezone: 'UTC', start: '2020-02-03T00:00:00Z', stepSeconds: 10, services: { a: [0] } });
    expect(parseScenarioJson(text, 'x.json')).toMatchObject({ ok: true, value: { description: '', seed: null, params: null } });
  });

  it('places a JSON syntax error on its line', () => {
    const result = parseScenarioJson('{\n  "name": "x",\n  oops\n}', 'bad.json');
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'scenario.json', file: 'bad.json', line: 3 }] });
  });

  it('reports every field problem with its field and line', () => {
    const text = [
      '{',
      '  "name": "",',
      '  "timezone": "Mars/Olympus",',
      '  "start": "2020-02-03 09:00",',
      '  "stepSeconds": 0,',
      '  "services": {',
      '    "a": [1, 2, 3],',
      '    "b": [1, -2,',
      '      "x"]',
      '  },',
      '  "colour": "red"',
      '}',
    ].join('\n');
    const result = parseScenarioJson(text, 'bad.json');
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => [e.code, e.field, e.line])).toEqual([
      ['scenario.unknown-field', 'colour', 11],
      ['scenario.name', 'name', 2],
      ['scenario.timezone', 'timezone', 3],
      ['scenario.start', 'start', 4],
      ['scenario.step', 'stepSeconds', 5],
      ['scenario.sample', 'services.b[1]', 8],
      ['scenario.sample', 'services.b[2]', 9],
    ]);
    expect(result.errors.every((e) => e.file === 'bad.json')).toBe(true);
  });

  it('requires services of equal length', () => {
    const text = JSON.stringify({ ...small, services: { a: [1, 2], b: [1] } }, null, 2);
    expect(parseScenarioJson(text, 'len.json')).toMatchObject({
      ok: false,
      errors: [{ code: 'scenario.length', field: 'services.b', message: expect.stringContaining('services.a has 2') }],
    });
  });

  it('places a missing field at its parent', () => {
    const text = JSON.stringify({ name: 'x', timezone: 'UTC', start: '2020-02-03T00:00:00Z', services: { a: [1] } }, null, 2);
    expect(parseScenarioJson(text, 'm.json')).toMatchObject({ ok: false, errors: [{ code: 'scenario.step', field: 'stepSeconds', line: 1 }] });
  });
});
