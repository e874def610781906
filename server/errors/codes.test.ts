import { describe, expect, test } from 'vitest';
import { errorBody, statusOf } from '../http/http-error.js';
import { domainError, ERROR_CODES } from './codes.js';

describe('the error vocabulary', () => {
  test('every code is spelt area.what in lower case, and has an HTTP status', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*$/);
      expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
    }
  });

  test('a domain error carries the code, its sentence and the field, and no status', () => {
    const e = domainError('drill.service', { service: 'nope', known: ['a', 'b'] }, 'service');
    expect(e).toEqual({ code: 'drill.service', message: 'unknown service "nope"; known: a, b', field: 'service' });
    expect(statusOf(e.code)).toBe(400);
  });

  test('one body shape, the field only when there is one', () => {
    expect(errorBody(domainError('drill.not-found', { id: 'd-1' }))).toEqual({ error: { code: 'drill.not-found', message: 'no drill d-1' } });
    expect(errorBody(domainError('notice.not-found', { id: 'n' }, 'id'))).toEqual({ error: { code: 'notice.not-found', message: 'no notice n', field: 'id' } });
  });

  test('the input checks of ingest and webhook targets speak the vocabulary too', () => {
    expect(statusOf('metrics.timestamp')).toBe(400);
    expect(statusOf('webhook.target-private')).toBe(400);
  });
});
