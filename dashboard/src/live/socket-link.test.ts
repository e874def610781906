import { describe, expect, test } from 'vitest';
import { refusalOf } from './socket-link.js';

describe('refusalOf', () => {
  test('reads the server\'s handshake refusal from a connect_error', () => {
    const error = Object.assign(new Error('x'), { data: { code: 'auth.invalid-token', message: 'The bearer token is not known here.' } });
    expect(refusalOf(error)).toEqual({ code: 'auth.invalid-token', message: 'The bearer token is not known here.' });
  });

  test.each([new Error('websocket error'), Object.assign(new Error('x'), { data: { code: 'internal' } }), null, 'text'])('%s is a network failure, not a refusal', (error) => {
    expect(refusalOf(error)).toBeNull();
  });
});
