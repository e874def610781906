/**
 * Security headers on every answer (@fastify/helmet): a Content-Security-Policy the pages
 * work under (their scripts and styles are files from this origin; the live feed is a
 * same-origin WebSocket), no MIME sniffing, no framing, and no referrer beyond the origin.
 *
 * A self-contained HTML document (the drill report: chart.js, its data and its style
 * inline, so it still opens when saved) gets the same policy with the SHA-256 of each
 * inline script and style allowed, rather than 'unsafe-inline'.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

const INLINE = /<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1>/gi;

/** the page's CSP with each inline script and style allowed by hash; null when it has none */
export function policyForInlineHtml(html: string): string | null {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, tag, attrs = '', body = ''] of html.matchAll(INLINE)) {
    if (/\bsrc\s*=/.test(attrs) || body === '' || /type\s*=\s*"application\/(ld\+)?json"/i.test(attrs)) continue;
    const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    (tag?.toLowerCase() === 'script' ? scripts : styles).push(hash);
  }
  if (scripts.length === 0 && styles.length === 0) return null;
  return policy({
    ...DIRECTIVES,
    'script-src': [...(DIRECTIVES['script-src'] ?? []), ...scripts],
    'style-src': [...(DIRECTIVES['style-src'] ?? []), ...styles],
  });
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // TLS is the job of whatever terminates it in front; a plain-HTTP drill server must not pin HTTPS for its host
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const inline = policyForInlineHtml(payload);
    if (inline) reply.header('content-security-policy', inline);
    return payload;
  });
}
