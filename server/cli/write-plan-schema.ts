/** Writes scenarios/plan.schema.json from the TypeBox schema: npx tsx server/cli/write-plan-schema.ts */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planJsonSchema } from '../core/plan/index.js';

export const PLAN_SCHEMA_PATH = resolve(fileURLToPath(new URL('../../scenarios/plan.schema.json', import.meta.url)));

export function planSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(PLAN_SCHEMA_PATH, planSchemaText());
  console.log(`wrote ${PLAN_SCHEMA_PATH}`);
}
