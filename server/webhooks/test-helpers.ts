/** Test helpers: a real HTTP receiver on 127.0.0.1 that records what it is sent, and a sample body. */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncidentWebhookBody } from './payloads.js';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestReceiver {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** TCP connections accepted, so a test can show a refused delivery never connected */
  connections(): number;
  close(): Promise<void>;
}

/** `respond` answers each request; by default 204 */
export async function startReceiver(
  port = 0,
  respond: (request: ReceivedRequest, res: ServerResponse) => void = (_r, res) => res.writeHead(204).end(),
): Promise<TestReceiver> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      respond(request, res);
    });
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** a port nothing listens on (connections are refused) */
export async function freePort(): Promise<number> {
  const r = await startReceiver();
  await r.close();
  return r.port;
}

export const incidentBody: IncidentWebhookBody = {
  meta: { unsubscribe: 'http://localhost:8080/unsubscribe', documentation: 'http://localhost:8080/docs/webhooks' },
  page: { id: 'flashcrowd', status_indicator: 'minor', status_description: 'Partially Degraded Service' },
  incident: { id: 'inc-1', name: 'Messages are delayed', status: 'investigating', incident_updates: [] },
};
