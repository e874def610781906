import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Plan } from '../../core/plan/types.js';
import type { PlanSummary } from '../../contracts.js';

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
      minServers: s.capacity.minServers,
      maxServers: s.capacity.maxServers,
    })),
  };
}

const PlanSource = Type.Object({
  name: Type.String(),
  raw: Type.String({ description: 'the plan file as written, comments included' }),
});

/**
 * The plan in force: its summary for every reader; the file as written (comments may name
 * people, hosts or reasons) only to operators and admins.
 */
export async function planRoutes(app: FastifyInstance, opts: { plan: Plan; planText: string }): Promise<void> {
  const summary = planSummary(opts.plan);
  const source: Static<typeof PlanSource> = { name: opts.plan.name, raw: opts.planText };
  app.get('/api/v1/plan', { preHandler: app.requireReader }, async () => summary);
  app.get('/api/v1/plan/source', { preHandler: app.requireRole('operator'), schema: { response: { 200: PlanSource } } }, async () => source);
}
