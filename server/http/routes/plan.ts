import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { ALWAYS, errors, READER, ROLE } from '../schemas/error-body.js';
import type { Plan } from '../../core/plan/types.js';
import type { PlanSummary } from '../../contracts.js';
import { componentStatus } from '../../status/levels.js';
import { ComponentStatus } from '../../status/statuspage-schemas.js';

export function planSummary(plan: Plan): PlanSummary {
  return {
    name: plan.name,
    timezone: plan.timezone,
    tickSeconds: plan.tickSeconds,
    levels: plan.levels,
    services: Object.values(plan.services).map((s) => ({
      name: s.name,
      displayName: s.displayName,
      displayNames: s.displayNames,
      sloLatencyMs: s.capacity.sloLatencyMs,
      levels: plan.levels,
      openAtLevel: s.notices.openAtLevel,
      statusByLevel: Object.fromEntries(plan.levels.map((level) => [level, componentStatus(level, { levels: plan.levels, openAtLevel: s.notices.openAtLevel })])),
      minServers: s.capacity.minServers,
      maxServers: s.capacity.maxServers,
    })),
  };
}

const Service = Type.Object({
  name: Type.String(),
  displayName: Type.String(),
  sloLatencyMs: Type.Number(),
  levels: Type.Array(Type.String()),
  openAtLevel: Type.String({ description: 'the lowest level that opens an incident' }),
  statusByLevel: Type.Record(Type.String(), ComponentStatus, { description: 'what each level reads as on the status page' }),
  minServers: Type.Integer(),
  maxServers: Type.Integer(),
});
const Summary = Type.Object({ name: Type.String(), timezone: Type.String(), tickSeconds: Type.Number(), levels: Type.Array(Type.String()), services: Type.Array(Service) });

const PlanSource = Type.Object({
  name: Type.String(),
  raw: Type.String({ description: 'the plan file as written, comments included' }),
});

/**
 * The plan in force: its summary for every reader; the file as written (comments may name
 * people, hosts or reasons) only to operators and admins.
 */
export const planRoutes: FastifyPluginAsyncTypebox<{ plan: Plan; planText: string }> = async (app, opts) => {
  const summary = planSummary(opts.plan);
  const source: Static<typeof PlanSource> = { name: opts.plan.name, raw: opts.planText };
  app.get('/api/v1/plan', { preHandler: app.requireReader, schema: { tags: ['plan'], summary: 'The plan in force, summarised', response: { 200: Summary, ...errors(...ALWAYS, ...READER) } } }, async () => summary);
  app.get('/api/v1/plan/source', {
    preHandler: app.requireRole('operator'),
    schema: { tags: ['plan'], summary: 'The plan file as written', response: { 200: PlanSource, ...errors(...ALWAYS, ...ROLE) } },
  }, async () => source);
};
