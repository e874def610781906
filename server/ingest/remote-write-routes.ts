/**
 * POST /api/v1/write: the Prometheus remote write 1.0 receiver. Answers 204 on success,
 * 400 with a text body for a request that will never succeed (the sender must not retry),
 * 415 for another encoding or media type, 413 beyond the body limit.
 */
import type { FastifyInstance } from 'fastify';
import type { Plan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { mediaType } from './media-type.js';
import type { PreHandler } from './pre-handler.js';
import { decodeWriteRequest } from './remote-write.js';
import { emptyRemoteWriteState, ingestWriteRequest } from './remote-write-ingest.js';

export interface RemoteWriteRoutesOptions {
  plan: () => Plan;
  onSamples: (samples: IngestSample[]) => void;
  preHandler?: PreHandler;
  /** compressed body limit in bytes; default 8 MiB (Prometheus sends well under 1 MiB per request) */
  bodyLimit?: number;
}

const PROTOBUF = 'application/x-protobuf';

export async function remoteWriteRoutes(app: FastifyInstance, opts: RemoteWriteRoutesOptions): Promise<void> {
  // The state belongs to this receiver: rates are between samples it has seen.
  let state = emptyRemoteWriteState();

  app.addContentTypeParser(PROTOBUF, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/write',
    {
      bodyLimit: opts.bodyLimit ?? 8 * 1024 * 1024,
      // Checked before the body is parsed, so a JSON or framed body never reaches a parser.
      onRequest: async (request, reply) => {
        const encoding = (request.headers['content-encoding'] ?? '').trim().toLowerCase();
        if (mediaType(request.headers['content-type']) === PROTOBUF && encoding === 'snappy') return;
        return reply
          .code(415)
          .type('text/plain; charset=utf-8')
          .send(`send Content-Type: ${PROTOBUF} with Content-Encoding: snappy (remote write 1.0)\n`);
      },
      ...(opts.preHandler ? { preHandler: opts.preHandler } : {}),
    },
    async (request, reply) => {
      reply.header('X-Prometheus-Remote-Write-Version', '0.1.0');
      if (!Buffer.isBuffer(request.body)) {
        return reply.code(400).type('text/plain; charset=utf-8').send('empty body: send a snappy-compressed WriteRequest\n');
      }
      const decoded = decodeWriteRequest(request.body);
      if (!decoded.ok) {
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(`${decoded.errors.map((e) => e.message).join('\n')}\n`);
      }
      const result = ingestWriteRequest(state, opts.plan(), decoded.value);
      state = result.state;
      if (result.samples.length > 0) opts.onSamples(result.samples);
      return reply.code(204).send();
    },
  );
}
