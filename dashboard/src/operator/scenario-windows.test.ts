import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scenarioBounds } from '../../../server/core/drill/scenario.js';
import { isoToZonedInput, SCENARIO_WINDOWS } from './scenario-windows.js';

describe('scenario windows', () => {
  test('match the bundled scenario files', () => {
    for (const [name, window] of Object.entries(SCENARIO_WINDOWS)) {
      const bounds = scenarioBounds(JSON.parse(readFileSync(new URL(`../../../scenarios/${name}.json`, import.meta.url), 'utf8')));
      expect({ start: new Date(bounds.startMs).toISOString(), end: new Date(bounds.endMs).toISOString() }).toEqual(window);
    }
  });

  test('an instant becomes the field value in the scenario zone', () => {
    expect(isoToZonedInput('2020-02-01T16:00:00.000Z', 'Asia/Shanghai')).toBe('2020-02-02T00:00');
    expect(isoToZonedInput('2020-02-01T16:00:00.000Z', 'UTC')).toBe('2020-02-01T16:00');
  });
});
