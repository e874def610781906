/**
 * What a manual scale request will do, said before the engine applies it: the fleet clamps
 * the wanted count to the plan's min/max (core/fleet/scale-fleet.ts setDesired), and an
 * operator who asked for 5000 must learn that 400 is what they get, and why.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ServicePlan } from '../core/plan/types.js';

export const SCALE_REASONS = ['within-limits', 'raised-to-minimum', 'capped-at-maximum'] as const;
export type ScaleReason = (typeof SCALE_REASONS)[number];

export const ScaleAnswer = Type.Object({
  queued: Type.Literal(true),
  service: Type.String(),
  requested: Type.Integer(),
  applied: Type.Integer(),
  minServers: Type.Integer(),
  maxServers: Type.Integer(),
  reason: Type.Union([Type.Literal('within-limits'), Type.Literal('raised-to-minimum'), Type.Literal('capped-at-maximum')]),
  message: Type.String(),
});
export type ScaleAnswer = Static<typeof ScaleAnswer>;

export function scaleAnswer(service: string, svc: Pick<ServicePlan, 'capacity'>, requested: number): ScaleAnswer {
  const { minServers, maxServers } = svc.capacity;
  const applied = Math.min(maxServers, Math.max(minServers, requested));
  const reason: ScaleReason = requested < minServers ? 'raised-to-minimum' : requested > maxServers ? 'capped-at-maximum' : 'within-limits';
  const why =
    reason === 'raised-to-minimum' ? `; ${requested} is below the plan's minimum of ${minServers}`
    : reason === 'capped-at-maximum' ? `; ${requested} is above the plan's maximum of ${maxServers}`
    : '';
  return { queued: true, service, requested, applied, minServers, maxServers, reason, message: `${service} will run ${applied} servers${why}.` };
}
