/**
 * Security headers on every answer (helmet): a Content-Security-Policy the pages
 * work under (their scripts and styles are files from this origin; the live feed is a
 * same-origin WebSocket), no MIME sniffing, no framing, and no referrer beyond the origin.
 *
 * The headers are the same on every answer, so helmet computes them once at start-up and a
 * synchronous hook copies them onto each reply. (@fastify/helmet rebuilt helmet and parsed
 * the directives on every request, about a tenth of the time of a cached status document.)
 *
 * A self-contained HTML document (the drill report: chart.js, its data and its style
 * inline, so it still opens when saved) gets the same policy with the SHA-256 of each
 * inline script and style allowed, rather than 'unsafe-inline'.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { FastifyInstance, onSendHookHandler } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

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

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  // TLS is the job of whatever terminates it in front; a plain-HTTP drill server must not pin HTTPS for its host
  strictTransportSecurity: false,
};

/** The headers helmet sets with these options, read once from a stand-in response. */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false on a route that never answers with HTML: it needs no inline-script policy check */
    html?: false;
  }
}

/**
 * Set by a proxy in front that adds the headers which are the same on every answer itself
 * (deploy/nginx does, where it caches the status documents): a cached copy then holds only
 * what varies, which nginx parses again on every hit. A client sending it to the server
 * directly only leaves those headers off its own answers; a browser cannot send it from
 * another origin, since no CORS preflight allows it.
 */
export const PROXY_ADDS_HEADER = 'x-flashcrowd-proxy-adds';
export const PROXY_ADDS_VALUE = 'constant-headers';

export function proxyAddsConstantHeaders(request: Pick<IncomingMessage, 'headers'>): boolean {
  return request.headers[PROXY_ADDS_HEADER] === PROXY_ADDS_VALUE;
}

const inlinePolicy: onSendHookHandler = (_req, reply, payload, done) => {
  if (typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
    const inline = policyForInlineHtml(payload);
    if (inline) reply.header('content-security-policy', inline);
  }
  done(null, payload);
};

/** registers the hooks; answers the headers every reply gets, for answers sent without Fastify */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<Readonly<Record<string, string>>> {
  const headers = helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    if (!proxyAddsConstantHeaders(request)) reply.headers(headers);
    done();
  });
  // per route, so a route that never sends HTML runs no hook for it
  app.addHook('onRoute', (route) => {
    if (route.config?.html === false) return;
    route.onSend = [inlinePolicy, ...(route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend])];
  });
  return headers;
}
