import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PLAN_SCHEMA_PATH, planSchemaText } from './write-plan-schema.js';

test('scenarios/plan.schema.json matches PlanDocumentSchema (regenerate: npx tsx server/cli/write-plan-schema.ts)', () => {
  expect(readFileSync(PLAN_SCHEMA_PATH, 'utf8')).toBe(planSchemaText());
});
