import type { AddressInfo } from 'node:net';

/** The URL a local client reaches a listening server at; a wildcard address becomes loopback. */
export function listeningUrl(address: AddressInfo | string | null): string {
  if (address === null) return 'http://127.0.0.1';
  if (typeof address === 'string') return `http://unix:${address}`;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${address.family === 'IPv6' && host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
