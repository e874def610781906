import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { frontDoor } from './front-door.js';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('frontDoor', () => {
  it('makes the server Fastify would make, with its timeouts', async () => {
    const plain = Fastify({ connectionTimeout: 5_000, requestTimeout: 7_000, maxRequestsPerSocket: 9 });
    const fronted = Fastify({ connectionTimeout: 5_000, requestTimeout: 7_000, maxRequestsPerSocket: 9, serverFactory: frontDoor().serverFactory });
    apps.push(plain, fronted);
    const settings = (s: typeof plain.server) => ({ keepAliveTimeout: s.keepAliveTimeout, requestTimeout: s.requestTimeout, timeout: s.timeout, maxRequestsPerSocket: s.maxRequestsPerSocket });
    expect(settings(fronted.server)).toEqual(settings(plain.server));
    expect(fronted.server.keepAliveTimeout).toBe(72_000);
  });

  it('lets an answer take a request first, and Fastify have every request it leaves', async () => {
    const door = frontDoor();
    const app = Fastify({ serverFactory: door.serverFactory });
    apps.push(app);
    app.get('/*', async (request) => `fastify ${request.url}`);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const text = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    expect(await text('/a')).toBe('fastify /a');
    door.use((request, response) => {
      if (request.url !== '/a') return false;
      response.end('front');
      return true;
    });
    expect(await text('/a')).toBe('front');
    expect(await text('/b')).toBe('fastify /b');
    door.use(null);
    expect(await text('/a')).toBe('fastify /a');
  });
});
