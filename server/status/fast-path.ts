/**
 * The crowd's path to the public status documents: a plain GET of a document, answered from
 * the rendered cache before Fastify routes the request.
 *
 * During a surge nearly every request a status page takes is one of these, for a body that
 * is already rendered. Fastify's request and reply objects, hooks and router then cost more
 * than the answer itself: in the same process, the route sent about 0.8x what a bare Fastify
 * route in a process of its own did (bench/http-throughput.ts). Here the response is written
 * with the headers the route would send, byte for byte (test/server/status-fast-path.test.ts).
 *
 * Anything else goes on to Fastify untouched: a query string, another method, a document
 * whose input is still being fetched, or a render that throws (the route then answers with
 * its error). The app leaves this path out where Fastify must see every request: reads that
 * need a token, and request logging.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '../core/plan/types.js';
import type { FrontAnswer } from '../http/front-door.js';
import { proxyAddsConstantHeaders } from '../http/security-headers.js';
import { noneMatch } from './etag.js';
import { pickLanguage } from './language.js';
import type { Rendered, Snapshot } from './rendered-cache.js';
import { statusDocumentHeaders } from './send-document.js';
import type { StatusInput } from './status-input.js';

/** a status document: its media type and how it is rendered from the input */
export interface DocumentSpec {
  type: string;
  render: (input: StatusInput, language: Language) => string;
}

export interface StatusFastPathOptions {
  documents: Readonly<Record<string, DocumentSpec>>;
  ready: () => Snapshot | null;
  /** the headers the app's onRequest hook sets on every answer */
  securityHeaders: Readonly<Record<string, string>>;
  now: () => number;
}

export function statusFastPath(options: StatusFastPathOptions): FrontAnswer {
  // the hook's headers, then the document's, as the route sends them. A flat array, as
  // measured: the same headers as an object spread from a cached one took this path from
  // 53,000 to 31,000 requests a second (autocannon, 50 connections, summary.json)
  const security = Object.entries(options.securityHeaders).flat();

  function headers(request: IncomingMessage, doc: Rendered, language: Language): string[] {
    const proxyAdds = proxyAddsConstantHeaders(request);
    const own = statusDocumentHeaders({ etag: doc.etag, language }, options.now(), proxyAdds);
    return proxyAdds ? own : [...security, ...own];
  }

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET') return false;
    // an exact match: a URL with a query string is Fastify's to parse and validate
    const url = request.url ?? '';
    const document = Object.hasOwn(options.documents, url) ? options.documents[url] : undefined;
    if (!document) return false;
    const snapshot = options.ready();
    if (!snapshot) return false;
    const language = pickLanguage(undefined, request.headers['accept-language'], snapshot.input.language);
    let rendered: Rendered;
    try {
      rendered = snapshot.render(url, language, document.render);
    } catch {
      return false;
    }
    const head = headers(request, rendered, language);
    if (noneMatch(request.headers['if-none-match'], rendered.etag)) {
      response.writeHead(304, head);
      response.end();
      return true;
    }
    head.push('content-type', document.type, 'content-length', String(rendered.bytes));
    response.writeHead(200, head);
    response.end(rendered.body);
    return true;
  };
}
