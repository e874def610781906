import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { generateToken } from './tokens.js';
import { redactUrl, serializeRequest } from './redact.js';

describe('redactUrl', () => {
  it.each([
    ['/api/v2/summary.json?token=abc&lang=en', '/api/v2/summary.json?token=[redacted]&lang=en'],
    ['/x?access_token=abc', '/x?access_token=[redacted]'],
    ['/x?API_KEY=1&b=2&Authorization=Bearer%20z', '/x?API_KEY=[redacted]&b=2&Authorization=[redacted]'],
    ['/x?t=fc_admin_AAAAbbbbCCCC', '/x?t=fc_admin_[redacted]'],
    ['/fc_operator_secretsecret/x', '/fc_operator_[redacted]/x'],
    ['/api/v1/plan', '/api/v1/plan'],
    ['/x?%ZZ=1&tok%65n=2', '/x?%ZZ=1&tok%65n=[redacted]'],
  ])('%s -> %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('the request serializer logs the redacted URL', () => {
    expect(serializeRequest({ method: 'GET', url: '/a?token=s3cret', ip: '127.0.0.1' })).toMatchObject({ method: 'GET', url: '/a?token=[redacted]', remoteAddress: '127.0.0.1' });
  });
});

test.prop([fc.constantFrom('ingest', 'operator', 'admin' as const), fc.string({ maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('token', 'access_token', 'x', 'apiKey')])(
  'a generated token never survives, wherever it sits in the URL',
  (role, before, param) => {
    const token = generateToken(role);
    const url = `/${before}/${token}?${param}=${token}&${before}=${token}`;
    expect(redactUrl(url)).not.toContain(token.slice(`fc_${role}_`.length));
  },
);
