/**
 * The dashboard at / and the public status page at /status, built by Vite into dist/dashboard.
 * Each page is read once and served from memory with an ETag, so thousands of people
 * reloading the status page during a surge cost a header comparison each. When the build is
 * missing the pages say how to make it rather than answering 404.
 *
 * The pages are shells without data, so they load without a token even when reads are
 * private: the data comes from the API and the live feed, which check the token the reader
 * pastes into the page.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PAGES: Record<string, string> = { '/': 'index.html', '/status': 'status.html' };

const schema = (url: string) => ({
  tags: ['pages'],
  summary: url === '/' ? 'The operator dashboard' : 'The public status page',
  response: {
    200: { description: 'the page', content: { 'text/html': { schema: Type.String() } } },
    304: Type.Null({ description: 'unchanged since the ETag sent in If-None-Match' }),
    503: { description: 'the dashboard has not been built', content: { 'text/plain': { schema: Type.String() } } },
  },
});

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ dir: string }> = async (app, opts) => {
  const cache = new Map<string, { html: string; etag: string }>();
  const load = async (file: string): Promise<{ html: string; etag: string } | null> => {
    const hit = cache.get(file);
    if (hit) return hit;
    try {
      const html = await readFile(join(opts.dir, file), 'utf8');
      const page = { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
      cache.set(file, page);
      return page;
    } catch {
      return null;
    }
  };
  for (const [url, file] of Object.entries(PAGES)) {
    app.get(url, { logLevel: 'warn', schema: schema(url) }, async (req, reply) => {
      const page = await load(file);
      if (!page) {
        return reply.code(503).type('text/plain; charset=utf-8')
          .send(`The dashboard has not been built: run "npm run build" (it writes ${file} to dist/dashboard).\n`);
      }
      reply.header('etag', page.etag).header('cache-control', 'public, max-age=0, must-revalidate');
      if (req.headers['if-none-match'] === page.etag) return reply.code(304).send(null);
      return reply.type('text/html; charset=utf-8').send(page.html);
    });
  }
};
