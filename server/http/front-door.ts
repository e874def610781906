/**
 * The HTTP server Fastify runs on, with a door in front of Fastify's router: an answer put
 * there sees each request first and either sends the whole response itself or leaves the
 * request untouched for Fastify. The status documents use it for the crowd's requests
 * (status/fast-path.ts); everything else goes through Fastify as before.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyServerFactory, FastifyServerOptions } from 'fastify';

/** true when it sent the response; false when it touched nothing and Fastify answers */
export type FrontAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface FrontDoor {
  /** the answer to try first from now on; null lets every request through to Fastify */
  use(answer: FrontAnswer | null): void;
  serverFactory: FastifyServerFactory;
}

export function frontDoor(): FrontDoor {
  let answer: FrontAnswer | null = null;
  return {
    use(next) {
      answer = next;
    },
    // Fastify applies its timeouts only to a server it makes itself: these are the ones it
    // would set (the options reach the factory with Fastify's defaults filled in)
    serverFactory: (handler, options: FastifyServerOptions) => {
      const server: Server = createServer((request, response) => {
        if (answer?.(request, response)) return;
        handler(request, response);
      });
      if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
      if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
      server.setTimeout(options.connectionTimeout ?? 0);
      if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
      return server;
    },
  };
}
