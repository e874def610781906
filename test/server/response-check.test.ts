import swagger from '@fastify/swagger';
import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { checkResponsesAgainstDocument } from './response-check.js';

async function appWithChecks() {
  const app = Fastify();
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } });
  app.get<{ Querystring: { bad?: string; teapot?: string } }>('/thing', { schema: { response: { 200: Type.Object({ a: Type.String() }) } } }, async (req, reply) => {
    if (req.query.teapot) return reply.code(418).send({ a: 'tea' });
    return req.query.bad ? { a: 1 } : { a: 'fine' };
  });
  const violations = checkResponsesAgainstDocument(app);
  await app.ready();
  return { app, violations };
}

describe('the answer check of integration tests', () => {
  test('passes an answer the document describes', async () => {
    const { app, violations } = await appWithChecks();
    await app.inject({ url: '/thing' });
    expect(violations).toEqual([]);
    await app.close();
  });

  test('catches a body that does not match and a status the document does not list', async () => {
    const { app, violations } = await appWithChecks();
    await app.inject({ url: '/thing?bad=1' });
    await app.inject({ url: '/thing?teapot=1' });
    expect(violations).toHaveLength(2);
    expect(violations[0]).toMatch(/body the document does not allow/);
    expect(violations[1]).toMatch(/does not describe status 418/);
    await app.close();
  });
});
