import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { locateJsonValues, type JsonPath } from './json-locate.js';

function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const own = [prefix];
  if (Array.isArray(value)) return own.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (typeof value === 'object' && value !== null) return own.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return own;
}

function at(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

test.prop([fc.jsonValue({ maxDepth: 4 }), fc.boolean()])('every path is found where its value is written', (value, pretty) => {
  const text = JSON.stringify(value, null, pretty ? 2 : undefined);
  const parsed = JSON.parse(text) as unknown;
  const paths = pathsOf(parsed);
  const locate = locateJsonValues(text, paths);
  for (const path of paths) {
    const offset = locate(path);
    expect(offset).toBeDefined();
    // the value's own text starts there: parse from the offset to the end of that value
    const compact = JSON.stringify(at(parsed, path));
    if (!pretty) expect(text.slice(offset, (offset ?? 0) + compact.length)).toBe(compact);
    else expect(text[offset ?? 0]).toBe(compact[0]);
  }
});

test('a path that is not written is not found', () => {
  const locate = locateJsonValues('{"a": [1, {"b": "x,]}"}], "c": 2}', [['a', 1, 'b'], ['a', 2], ['c'], ['d']]);
  expect([locate(['a', 1, 'b']), locate(['a', 2]), locate(['c']), locate(['d'])]).toEqual([16, undefined, 31, undefined]);
});
