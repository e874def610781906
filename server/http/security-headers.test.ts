import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { STATUS_CONSTANT_HEADERS } from '../status/send-document.js';
import { helmetHeaders, PROXY_ADDS_HEADER, PROXY_ADDS_VALUE, registerSecurityHeaders } from './security-headers.js';

describe('security headers computed once', () => {
  it('are the ones helmet sets: our policy, no sniffing, no framing, a referrer policy', () => {
    expect(helmetHeaders()).toMatchObject({
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(helmetHeaders()).not.toHaveProperty('strict-transport-security');
  });

  it('are on every answer, errors included, and an inline HTML page gets its hashes', async () => {
    const app = Fastify();
    await registerSecurityHeaders(app);
    app.get('/json', async () => ({ ok: true }));
    app.get('/page', async (_req, reply) => reply.type('text/html').send('<html><script>go()</script></html>'));
    const expected = helmetHeaders();
    for (const url of ['/json', '/missing']) {
      const res = await app.inject({ url });
      for (const [name, value] of Object.entries(expected)) expect(res.headers[name], `${url} ${name}`).toBe(value);
    }
    const page = await app.inject({ url: '/page' });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    await app.close();
  });
});

describe('constant headers added by a proxy in front', () => {
  it('are left off an answer when the proxy says it adds them', async () => {
    const app = Fastify();
    await registerSecurityHeaders(app);
    app.get('/json', async () => ({ ok: true }));
    const res = await app.inject({ url: '/json', headers: { [PROXY_ADDS_HEADER]: PROXY_ADDS_VALUE } });
    for (const name of Object.keys(helmetHeaders())) expect(res.headers[name], name).toBeUndefined();
    const other = await app.inject({ url: '/json', headers: { [PROXY_ADDS_HEADER]: 'something else' } });
    expect(other.headers['x-frame-options']).toBe('DENY');
    await app.close();
  });

  it('are exactly the ones the shipped nginx config adds to the status documents, with the same values', async () => {
    const config = await readFile(fileURLToPath(new URL('../../deploy/nginx/flashcrowd.conf', import.meta.url)), 'utf8');
    const status = config.slice(config.indexOf('location ~ ^/(api/v2'));
    const added: Record<string, string> = {};
    for (const [, name = '', quoted, bare] of status.matchAll(/^\s*add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))\s+always;/gm)) {
      if (name.toLowerCase() !== 'x-cache-status') added[name.toLowerCase()] = quoted ?? bare ?? '';
    }
    expect(added).toEqual({ ...helmetHeaders(), ...STATUS_CONSTANT_HEADERS });
    expect(status).toMatch(new RegExp(`proxy_set_header\\s+${PROXY_ADDS_HEADER}\\s+${PROXY_ADDS_VALUE};`, 'i'));
  });
});
