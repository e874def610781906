/** Security headers on the pages and every API answer; no source maps served. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, SURGE_WINDOW, tickUntil, type TestServer } from './fixtures.js';

let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index.js"></script>');
  writeFileSync(join(dir, 'status.html'), '<!doctype html><script type="module" src="/assets/status.js"></script>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)\n//# sourceMappingURL=index.js.map');
  writeFileSync(join(dir, 'assets', 'index.js.map'), '{"version":3,"sources":["secret.ts"]}');
  server = await createTestServer({ dashboardDir: dir });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each(['/', '/status', '/assets/index.js', '/api/v1/plan', '/api/v2/summary.json', '/history.atom', '/api/v1/tokens', '/nowhere', '/metrics'])('%s', async (url) => {
    const res = await server.app.inject({ url });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('the self-contained drill report runs its inline code by hash', async () => {
    const drill = await server.startDrill({ speed: 600, ...SURGE_WINDOW });
    const runner = server.drill();
    tickUntil(runner, () => runner.status !== 'running');
    const res = await server.app.inject({ url: `/api/v1/drills/${drill.id}/report.html` });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).toMatch(/style-src 'self' 'sha256-/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('source maps', () => {
  it('are not served, though the script is', async () => {
    expect((await server.app.inject({ url: '/assets/index.js' })).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/assets/index.js.map' })).statusCode).toBe(404);
  });
});
