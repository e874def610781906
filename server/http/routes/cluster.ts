/**
 * `GET /api/v1/cluster`: which instance answered and which drives the drills, so a team
 * running several instances sees who has the engine and a takeover can be watched.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isoNow } from '../../clock/clock.js';
import { ENGINE_LEASE, type DrillService } from '../../drills/drill-service.js';
import type { Store } from '../../store/store.js';
import { ALWAYS, errors, READER } from '../schemas/error-body.js';

const ClusterView = Type.Object({
  mode: Type.Union([Type.Literal('single'), Type.Literal('postgres')], { description: "'postgres': several instances may share the database" }),
  instance: Type.Union([Type.String(), Type.Null()], { description: 'the instance that answered (null alone)' }),
  owner: Type.Union([Type.String(), Type.Null()], { description: 'the instance driving the drill or live session; null while none does' }),
  ownerUntil: Type.Union([Type.String(), Type.Null()], { description: 'when its lease runs out unless renewed' }),
});

export const clusterRoutes: FastifyPluginAsyncTypebox<{ drills: DrillService; store: Store }> = async (app, opts) => {
  app.get('/api/v1/cluster', {
    schema: { tags: ['ops'], summary: 'Which instance answered and which drives the drills', response: { 200: ClusterView, ...errors(...ALWAYS, ...READER) } },
    preHandler: app.requireReader,
  }, async () => {
    const { instance } = opts.drills.clusterView();
    if (instance === null) return { mode: 'single' as const, instance: null, owner: null, ownerUntil: null };
    const holder = await opts.store.leases.holder(ENGINE_LEASE, isoNow(app.clock));
    return { mode: 'postgres' as const, instance, owner: holder?.holder ?? null, ownerUntil: holder?.expiresAt ?? null };
  });
};
