/**
 * A webhook receiver on loopback that records every delivery it is sent: one path per
 * subscription (`/hook/<name>`), the Standard Webhooks headers and the body, and whether the
 * signature checks out with that subscription's secret. It answers 204 at once.
 */
import { createServer, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface Delivery {
  hook: string;
  /** webhook-id: the outbox message, the same on every retry of it */
  id: string;
  signed: boolean;
  body: unknown;
  /** performance.now() when it arrived */
  at: number;
}

export interface WebhookReceiver {
  /** the URL to subscribe for this hook name */
  urlFor(hook: string): string;
  /** the secret the subscription for this hook must use */
  secretFor(hook: string): string;
  deliveries(): readonly Delivery[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const MAX_DELIVERIES = 20_000;

export async function startWebhookReceiver(hooks: readonly string[]): Promise<WebhookReceiver> {
  const secrets = new Map(hooks.map((hook, i) => [hook, `whsec_${Buffer.from(`cluster-e2e-secret-${i}-0123456789abcdef`).toString('base64')}`]));
  const seen: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const hook = /^\/hook\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const secret = secrets.get(hook);
      let signed = false;
      try {
        if (secret) {
          new Webhook(secret).verify(text, req.headers as Record<string, string>);
          signed = true;
        }
      } catch {
        signed = false;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      if (seen.length < MAX_DELIVERIES) seen.push({ hook, id: String(req.headers['webhook-id'] ?? ''), signed, body, at: performance.now() });
      res.writeHead(secret ? 204 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    urlFor: (hook) => `http://127.0.0.1:${port}/hook/${hook}`,
    secretFor: (hook) => secrets.get(hook) ?? '',
    deliveries: () => seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
