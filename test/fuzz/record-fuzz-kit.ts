/**
 * What the record's fuzz files share: hostile values, and the checks every
 * answer must pass (never a 5xx; a 4xx says what to change).
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import type { TestServer } from '../server/fixtures.js';

export const PROTOTYPE = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'prototype', 'valueOf'];
export const oddString = fc.oneof(
  fc.constantFrom(...PROTOTYPE, 'messaging', 'docs', '', ' ', '..', '%', '%00', '\u0000', '🚀', 'a'.repeat(300)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
export const oddNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, -1, 1e-7, 0.999, 1, 60, 750, 751, 1e308, -1e308, 2 ** 53, 10_000, 10_001),
  fc.integer(),
);
export const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString, oddNumber);
const text = fc.record({ title: fc.oneof(oddString, fc.constant('Title')), body: fc.oneof(oddString, fc.constant('Body')) });
export const texts = fc.oneof(
  fc.record({ en: text, 'zh-CN': text }),
  fc.dictionary(oddString, anyJson, { maxKeys: 3 }),
  anyJson,
);
export const validText = fc.record({ title: fc.string({ minLength: 1, maxLength: 30 }), body: fc.string({ minLength: 1, maxLength: 60 }) });

export interface Answer {
  status: number;
  json: () => { error?: { code?: unknown; message?: unknown; field?: unknown } } & Partial<Notice>;
}

export function expectSound(res: Answer, what: string): void {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400 && res.status !== 414) {
    const { error } = res.json();
    expect(error?.code, what).toEqual(expect.any(String));
    expect(error?.message, what).toEqual(expect.any(String));
  }
}

/** in-memory requests to one app, and JSON bodies sent with an operator token */
export function requester(server: () => TestServer) {
  return {
    inject: async (opts: InjectOptions): Promise<Answer> => {
      const res = await server().app.inject(opts);
      // a turn of the event loop, so the fake sockets' setImmediate clean-ups run between cases
      await new Promise((resolve) => setImmediate(resolve));
      return { status: res.statusCode, json: () => res.json() };
    },
    asJson: (body: unknown) => ({ headers: { ...server().auth('operator'), 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' }),
  };
}
