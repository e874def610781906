import { describe, expect, test } from 'vitest';
import { parsePlan } from './parse.js';
import { MAX_YAML_DEPTH, yamlTooDeepAt } from './yaml-depth.js';

const flow = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('YAML nesting limit', () => {
  test.each([
    ['flow sequences', (d: number) => `a: ${flow(d)}\n`],
    ['flow mappings', (d: number) => `a: ${'{k: '.repeat(d)}1${'}'.repeat(d)}\n`],
    ['compact block sequences', (d: number) => `a:\n  ${'- '.repeat(d)}1\n`],
  ])('accepts %s exactly at the limit and refuses one level more', (_name, nest) => {
    // the top-level mapping is one level, so `a:` holds MAX_YAML_DEPTH - 1 more
    expect(yamlTooDeepAt(nest(MAX_YAML_DEPTH - 1))).toBeNull();
    expect(yamlTooDeepAt(nest(MAX_YAML_DEPTH))).not.toBeNull();
  });

  test('points at the line and column of the first collection past the limit', () => {
    expect(yamlTooDeepAt(`name: t\nservices: ${flow(200)}\n`)).toEqual({ line: 2, column: 11 + MAX_YAML_DEPTH - 1 });
  });

  test('refuses a 200,000-deep plan with a sentence and a place, not a stack overflow', () => {
    const result = parsePlan(`name: t\nservices: ${flow(200_000)}\n`, 'deep.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { code: 'plan.yaml', message: expect.stringMatching(/^YAML nested deeper than 64 levels/), file: 'deep.yaml', line: 2, column: expect.any(Number) },
      ]);
    }
  });
});
