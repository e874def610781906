import type { FastifyInstance } from 'fastify';
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
      sloLatencyMs: s.capacity.sloLatencyMs,
      levels: plan.levels,
      openAtLevel: s.notices.openAtLevel,
      minServers: s.capacity.minServers,
      maxServers: s.capacity.maxServers,
    })),
  };
}

/** The plan in force, summarised for the dashboard, with its YAML text to read in full. */
export async function planRoutes(app: FastifyInstance, opts: { plan: Plan; planText: string }): Promise<void> {
  const body = { ...planSummary(opts.plan), raw: opts.planText };
  app.get('/api/v1/plan', { preHandler: app.requireReader }, async () => body);
}
