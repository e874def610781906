/**
 * The contingency plan as teams write it (YAML). scenarios/plan.schema.json is generated from
 * PlanDocumentSchema, so editors autocomplete and check plans with the same rules as parsePlan.
 */
import { Type, type Static } from '@sinclair/typebox';
import { duration, name, namedMap, TEXT_LIMITS } from './schema-primitives.js';
import { ServiceSchema } from './schema-service.js';

export const PlanDocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, title: 'a plan name', description: 'The plan\'s name, shown on the dashboard and in reports.' }),
    timezone: Type.Optional(Type.String({
      minLength: 1,
      maxLength: TEXT_LIMITS.zone,
      title: 'an IANA time zone like "Asia/Shanghai"',
      description: 'IANA time zone of the people the plan serves; times in notices are shown in it. Default Asia/Shanghai.',
      default: 'Asia/Shanghai',
    })),
    tick: Type.Optional(duration('How often the engine evaluates triggers and scaling. Default 15s (the Kubernetes HPA sync period).', '15s')),
    levels: Type.Optional(Type.Array(name('A level name.'), {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      title: 'a list of level names',
      description: 'Severity levels above normal, lowest first; "normal" is always the implicit first level. Default [watch, surge, critical].',
      default: ['watch', 'surge', 'critical'],
    })),
    defaults: Type.Optional(ServiceSchema),
    services: namedMap(ServiceSchema, 'The services of the plan by key; each is merged over `defaults`.', 'a map from service name to service, with at least one service', 1),
  },
  { additionalProperties: false, title: 'a contingency plan', description: 'A Flashcrowd contingency plan: surge triggers, scale-out rules, standby servers, throttling and user notices.' },
);

export type PlanDocument = Static<typeof PlanDocumentSchema>;

export const PLAN_SCHEMA_ID = 'https://flashcrowd.dev/schemas/plan.schema.json';

/** The JSON Schema document written to scenarios/plan.schema.json. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: PLAN_SCHEMA_ID,
    ...(JSON.parse(JSON.stringify(PlanDocumentSchema)) as Record<string, unknown>),
  };
}
