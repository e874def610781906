/**
 * The client address of a raw request (the socket.io handshake) under the same trustProxy
 * setting Fastify applies to `request.ip`, so the live feed's failed-auth count is per
 * client, not per proxy, and cannot be dodged with X-Forwarded-For when no proxy is trusted.
 */
import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

export function clientAddress(trust: TrustProxy): (request: IncomingMessage) => string {
  if (trust === false) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trusted = trust === true ? () => true : typeof trust === 'string' ? proxyAddr.compile(trust.split(',').map((a) => a.trim())) : trust;
  return (request) => proxyAddr(request, trusted);
}
