/**
 * Every answer an integration test provokes, checked against the API description the app
 * publishes: its route and status must be described, and a JSON body must match the schema.
 * Validators are compiled once per worker for each distinct document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ErrorBody } from '../../server/http/schemas/error-body.js';

interface MediaType { schema?: object }
interface Operation { responses?: Record<string, { content?: Record<string, MediaType> }> }
interface OpenApiDocument { paths?: Record<string, Record<string, Operation>> }

const ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: false }));
const compiled = new Map<object, ValidateFunction>();
const validatorOf = (schema: object): ValidateFunction => {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv.compile(schema)));
  return v;
};
const byDocument = new Map<string, OpenApiDocument>();
const errorBody = ajv.compile(ErrorBody);

const baseType = (type: unknown): string => String(type ?? '').split(';')[0]!.trim().toLowerCase();
/** /api/v1/drills/:id -> /api/v1/drills/{id}; /t/:service/* -> /t/{service}/{*} */
const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{*}');

function bodyOf(payload: unknown): string | null {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null;
}

function check(doc: OpenApiDocument, request: FastifyRequest, reply: FastifyReply, payload: unknown): string | null {
  const status = reply.statusCode;
  const what = `${request.method} ${request.url} answered ${status}`;
  const route = request.routeOptions.url;
  const body = bodyOf(payload);
  if (route === undefined) {
    // the not-found handler: no route, so the shared error body
    return body !== null && !errorBody(JSON.parse(body)) ? `${what} with a body that is not the error body: ${ajv.errorsText(errorBody.errors)}` : null;
  }
  if ((request.routeOptions.schema as { hide?: boolean } | undefined)?.hide) return null;
  const method = request.method === 'HEAD' ? 'get' : request.method.toLowerCase();
  const operation = doc.paths?.[openApiPath(route)]?.[method];
  if (!operation) return `${what}: the document has no operation ${method.toUpperCase()} ${openApiPath(route)}`;
  const response = operation.responses?.[String(status)] ?? operation.responses?.default;
  if (!response) return `${what}: the document does not describe status ${status} for ${method.toUpperCase()} ${openApiPath(route)}`;
  // no body goes out with these, whatever the payload (Fastify drops it)
  if (request.method === 'HEAD' || status === 204 || status === 304 || body === null || body === '') return null;
  const type = baseType(reply.getHeader('content-type'));
  const media = Object.entries(response.content ?? {}).find(([t]) => baseType(t) === type)?.[1];
  if (!media) return `${what} with ${type}, which the document does not list for this status (${Object.keys(response.content ?? {}).join(', ') || 'no body'})`;
  if (type !== 'application/json' || !media.schema) return null;
  const validate = validatorOf(media.schema);
  return validate(JSON.parse(body)) ? null : `${what} with a body the document does not allow: ${ajv.errorsText(validate.errors)}`;
}

/**
 * Check every answer of this app against its own document; the returned list collects what
 * did not match (the caller fails the test with it).
 */
export function checkResponsesAgainstDocument(app: FastifyInstance): string[] {
  const violations: string[] = [];
  let doc: OpenApiDocument | null = null;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!doc) {
      const text = JSON.stringify(app.swagger());
      doc = byDocument.get(text) ?? (JSON.parse(text) as OpenApiDocument);
      byDocument.set(text, doc);
    }
    const problem = check(doc, request, reply, payload);
    if (problem) violations.push(problem);
    return payload;
  });
  return violations;
}
