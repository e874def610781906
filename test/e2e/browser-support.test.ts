import { describe, expect, test } from 'vitest';
import { chromiumPlan, isSocketFailure } from './browser-support.js';

describe('chromiumPlan', () => {
  test.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('with %o a missing chromium fails the suite: %s', (env, required) => {
    expect(chromiumPlan(env).required).toBe(required);
  });
});

describe('isSocketFailure', () => {
  test('only errors about the socket.io path are excused', () => {
    expect(isSocketFailure('Failed to load resource: net::ERR_CONNECTION_REFUSED', 'http://127.0.0.1:1/socket.io/?EIO=4&transport=polling')).toBe(true);
    expect(isSocketFailure("WebSocket connection to 'ws://127.0.0.1:1/socket.io/?EIO=4' failed", '')).toBe(true);
    expect(isSocketFailure('Uncaught TypeError: x is undefined', 'http://127.0.0.1:1/assets/index.js')).toBe(false);
  });
});
