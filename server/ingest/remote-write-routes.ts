/**
 * POST /api/v1/write: the Prometheus remote write 1.0 receiver. Answers 204 on success,
 * 400 with a text body for a request that will never succeed (the sender must not retry),
 * 415 for another encoding or media type, 413 beyond the body limit.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { documentedBody } from '../http/openapi/documented-body.js';
import { errors } from '../http/schemas/error-body.js';
import { serializeAsIs } from '../http/schemas/serialize-as-is.js';
import type { Plan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { mediaType } from './media-type.js';
import type { PreHandler } from './pre-handler.js';
import { decodeWriteRequest } from './remote-write.js';
import { RemoteWriteIngest } from './remote-write-ingest.js';
import { DEFAULT_WRITE_REQUEST_LIMITS } from './write-request-limits.js';
import type { WriteRequestLimits } from './write-request-limits.js';

export interface RemoteWriteRoutesOptions {
  plan: () => Plan;
  onSamples: (samples: IngestSample[]) => void;
  preHandler?: PreHandler;
  /** compressed body limit in bytes; default 8 MiB (Prometheus sends well under 1 MiB per request) */
  bodyLimit?: number;
  /** what one request may carry once decompressed; defaults in write-request-limits.ts */
  limits?: Partial<WriteRequestLimits>;
  /** the receiver and its bounded series state; give one to read its counts for /metrics */
  ingest?: RemoteWriteIngest;
  /** counts each refused request, for /metrics */
  onRejected?: () => void;
}

const refuse = (reply: FastifyReply, text: string) => reply.code(400).type('text/plain; charset=utf-8').send(`${text}\n`);

const PROTOBUF = 'application/x-protobuf';

const text = (description: string) => ({ description, content: { 'text/plain': { schema: Type.String() } } });
const schema = {
  tags: ['ingest'],
  summary: 'Prometheus remote write 1.0 receiver',
  description: 'A snappy-compressed protobuf WriteRequest, with Content-Encoding: snappy.',
  response: {
    204: Type.Null({ description: 'accepted' }),
    400: text('a request that will never succeed: do not retry'),
    415: text('another encoding or media type'),
    ...errors(401, 403, 413, 429, 500),
  },
};
const body = Type.String({ contentMediaType: PROTOBUF, contentEncoding: 'binary', description: 'snappy-compressed prometheus.WriteRequest' });

export async function remoteWriteRoutes(app: FastifyInstance, opts: RemoteWriteRoutesOptions): Promise<void> {
  // The state belongs to this receiver: rates are between samples it has seen.
  const ingest = opts.ingest ?? new RemoteWriteIngest();
  const limits = { ...DEFAULT_WRITE_REQUEST_LIMITS, ...opts.limits };
  app.setSerializerCompiler(serializeAsIs);

  app.addContentTypeParser(PROTOBUF, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/write',
    {
      schema,
      config: documentedBody(body, [PROTOBUF]),
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
        opts.onRejected?.();
        return refuse(reply, 'empty body: send a snappy-compressed WriteRequest');
      }
      const decoded = decodeWriteRequest(request.body, limits, ingest.labels);
      const result = decoded.ok ? ingest.ingest(opts.plan(), decoded.value) : decoded;
      if (!result.ok) {
        opts.onRejected?.();
        return refuse(reply, result.errors.map((e) => e.message).join('\n'));
      }
      if (result.value.length > 0) opts.onSamples(result.value);
      return reply.code(204).send();
    },
  );
}
