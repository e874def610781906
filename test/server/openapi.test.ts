import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect } from 'vitest';
import { test } from './fixtures.js';

interface Operation { responses: Record<string, { content?: Record<string, unknown> }>; requestBody?: { content: Record<string, unknown> } }
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the API description', () => {
  test('is a valid OpenAPI 3.1 document', async ({ server }) => {
    const res = await server.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.json<Record<string, unknown>>());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.json<Document>().openapi).toBe('3.1.0');
  });
});
