import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, registerSecurityHeaders } from './security-headers.js';

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
