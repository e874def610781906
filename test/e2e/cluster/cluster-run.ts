/**
 * One run of the cluster scenario, kept apart from the checks made on it: three real
 * instances on a fresh PostgreSQL database behind Debian's nginx with the shipped
 * configuration, a loopback webhook receiver, live clients on every instance and through
 * nginx, a drill started through nginx and fed by real k6, the drill's owner killed with
 * SIGKILL, the killed instance started again, the drill run to its end. Everything is bounded
 * in time; `teardown()` ends every process it started, also after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInstance, type Instance } from '../../../bench/lib/flashcrowd-process.js';
import { createScratchDatabase, type ScratchDatabase } from '../../../bench/lib/scratch-database.js';
import { startNginx, type RunningNginx } from '../../../bench/peers/nginx.js';
import type { DrillDto } from '../../../server/contracts.js';
import { runK6, type K6Run } from '../../k6/run-k6.js';
import { call, waitFor, type ClusterView } from './cluster-api.js';
import { LiveRecorder } from './live-recorder.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

export const ADMIN_TOKEN = 'cluster-e2e-admin-7Qk2Vx9Lm4Rt8Wz3Hb6N';
// names no report or page would contain by chance, so finding one there means it was named
export const INSTANCE_NAMES = ['node-alpha', 'node-bravo', 'node-charlie'] as const;
export const HOOKS = ['first', 'second'] as const;

/** the Feb-3 surge, 75 scenario minutes at 150x: 30 s of k6, ten ticks a second */
const K6_ENV = {
  FROM: '2020-02-03T08:30',
  TO: '2020-02-03T09:45',
  OVERLOAD_FROM: '2020-02-03T08:50',
  OVERLOAD_TO: '2020-02-03T09:30',
  TIME_SCALE: '150',
  PEAK_RPS: '60',
};
const K6_BOUND_MS = 3 * 60_000;

export interface DrillSample {
  at: number;
  scenarioNow: string;
  status: string;
  id: string;
}

export interface ClusterRun {
  db: ScratchDatabase;
  nginx: RunningNginx;
  receiver: WebhookReceiver;
  instances: Map<string, Instance>;
  recorders: LiveRecorder[];
  /** the clients first connected straight to the instance that was killed */
  killedClients: LiveRecorder[];
  /** a client connected to the killed instance after it was started again */
  rejoinedClient: LiveRecorder | null;
  clusterBefore: ClusterView[];
  drillId: string;
  killed: string;
  killedAt: number;
  /** the drill as read just before the kill */
  beforeKill: DrillSample;
  newOwner: string;
  takeoverAt: number;
  /** the drill as read through nginx after the takeover, oldest first */
  afterTakeover: DrillSample[];
  /** every survivor's view once the new owner was known */
  clusterAfter: ClusterView[];
  /** the drill and cluster as read after the killed instance was started again */
  afterRestart: { drill: DrillSample; cluster: ClusterView } | null;
  k6: K6Run | null;
  k6SummaryFile: string;
  finalDrill: DrillDto | null;
  tickSeconds: number;
  teardown(): Promise<void>;
}

const sample = async (base: string, id: string): Promise<DrillSample> => {
  const res = await call<DrillDto>(base, `/api/v1/drills/${id}`, { token: ADMIN_TOKEN });
  if (res.status !== 200) throw new Error(`GET /api/v1/drills/${id} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return { at: performance.now(), scenarioNow: res.body.scenarioNow, status: res.body.status, id: res.body.id };
};

async function clusterOf(instance: Instance): Promise<ClusterView> {
  const res = await call<ClusterView>(instance.url, '/api/v1/cluster', { token: ADMIN_TOKEN });
  if (res.status !== 200) throw new Error(`${instance.name}: GET /api/v1/cluster answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/**
 * `onTeardown` gets the run's teardown at once, so a caller whose wait for the run gives up
 * can still end every process it started; calling it more than once does no harm.
 */
export async function runCluster(pgServerUrl: string, k6Bin: string, onTeardown: (teardown: () => Promise<void>) => void): Promise<ClusterRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'flashcrowd-cluster-'));
  const stopK6 = new AbortController();
  const run: Partial<ClusterRun> & { instances: Map<string, Instance>; recorders: LiveRecorder[] } = { instances: new Map(), recorders: [] };
  let k6Running: Promise<K6Run> | null = null;
  let tornDown: Promise<void> | null = null;
  run.teardown = () => (tornDown ??= (async () => {
    for (const r of run.recorders) r.close();
    stopK6.abort();
    await k6Running?.catch(() => null);
    await Promise.all([...run.instances.values()].map((i) => i.kill()));
    await run.nginx?.stop();
    await run.receiver?.close();
    await run.db?.drop();
    rmSync(scratch, { recursive: true, force: true });
  })());
  onTeardown(run.teardown);
  try {
    run.db = await createScratchDatabase(pgServerUrl);
    const db = run.db;
    run.receiver = await startWebhookReceiver(HOOKS);
    const start = async (name: string, port?: number): Promise<Instance> => {
      // a run torn down while it waited starts nothing more
      if (tornDown) throw new Error('the run was torn down');
      const instance = await startInstance({ name, dataDir: join(scratch, name), adminToken: ADMIN_TOKEN, databaseUrl: db.url, ...(port ? { port } : {}) });
      run.instances.set(name, instance);
      if (tornDown) await instance.kill();
      return instance;
    };
    // all at once, as an orchestrator starts replicas; like one, send traffic only once each is ready
    const started = await Promise.all(INSTANCE_NAMES.map((name) => start(name)));
    const notReady = async (): Promise<string[]> => {
      const answers = await Promise.all(started.map(async (i) => [i.name, (await call(i.url, '/readyz')).status] as const));
      return answers.filter(([, status]) => status !== 200).map(([name, status]) => `${name} (${status})`);
    };
    let waiting: string[] = [];
    await waitFor('every instance ready (GET /readyz)', 30_000, async () => ((waiting = await notReady()).length === 0 ? true : undefined), 200, () => `not ready: ${waiting.join(', ')}`);
    run.nginx = await startNginx({ instances: started.map((i) => i.address) });
    const nginx = run.nginx.url;

    for (const hook of HOOKS) {
      const res = await call(nginx, '/api/v1/webhooks', {
        method: 'POST', token: ADMIN_TOKEN,
        body: { url: run.receiver.urlFor(hook), eventTypes: ['incident.updated', 'component.updated'], secret: run.receiver.secretFor(hook) },
      });
      if (res.status !== 201) throw new Error(`subscribing webhook ${hook} through nginx answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    const plan = await call<{ tickSeconds: number }>(nginx, '/api/v1/plan');
    run.tickSeconds = plan.body.tickSeconds;

    for (const instance of started) {
      for (const n of [1, 2]) run.recorders.push(new LiveRecorder(`${instance.name}-${n}`, instance.url, nginx));
    }
    for (const n of [1, 2, 3]) run.recorders.push(new LiveRecorder(`nginx-${n}`, nginx, nginx));
    await Promise.all(run.recorders.map((r) => r.ready(15_000)));
    run.clusterBefore = await Promise.all(started.map(clusterOf));

    run.k6SummaryFile = join(scratch, 'k6-summary.json');
    k6Running = runK6(k6Bin, ['load/feb3-spike.ts'], { ...K6_ENV, BASE_URL: nginx, FLASHCROWD_TOKEN: ADMIN_TOKEN, SUMMARY_JSON: run.k6SummaryFile }, K6_BOUND_MS, stopK6.signal);
    let k6Ended: K6Run | null = null;
    void k6Running.then((r) => { k6Ended = r; });
    const found = await waitFor<{ id: string } | { ended: K6Run }>('a drill started by k6 through nginx', 90_000, async () => {
      if (k6Ended) return { ended: k6Ended };
      const res = await call<{ drills: DrillDto[] }>(nginx, '/api/v1/drills?status=running', { token: ADMIN_TOKEN });
      const id = res.body.drills?.find((d) => d.scenario === 'feb3')?.id;
      return id === undefined ? undefined : { id };
    }, 500);
    if ('ended' in found) throw new Error(`k6 ended before a drill ran (exit ${found.ended.code}):\n${found.ended.output.slice(-3000)}`);
    const drillId = found.id;
    run.drillId = drillId;

    const withoutTicks = (since: number): string[] =>
      run.recorders.filter((r) => !r.ticksAfter(since).some((t) => t.drillId === drillId)).map((r) => `${r.name} (via ${r.address})`);
    let scenarioNow = '';
    const noticesPushed = (): number => run.recorders[0]?.notices.filter((n) => n.drillId === drillId).length ?? 0;
    // the first notice opens an incident whose later stages come after the kill: notices and
    // webhooks are then under way on both sides of the takeover
    await waitFor('the surge under way (a notice out) and every client receiving the drill', 60_000, async () => {
      scenarioNow = (await sample(nginx, drillId)).scenarioNow;
      return withoutTicks(0).length === 0 && noticesPushed() > 0 ? true : undefined;
    }, 100, () => `scenario time ${scenarioNow}, ${noticesPushed()} notices pushed; no tick yet for ${withoutTicks(0).join(', ') || 'none'}`);

    const owner = (await call<ClusterView>(nginx, '/api/v1/cluster', { token: ADMIN_TOKEN })).body.owner;
    const victim = owner === null ? undefined : run.instances.get(owner);
    if (!victim) throw new Error(`GET /api/v1/cluster names owner ${JSON.stringify(owner)}, which is none of ${INSTANCE_NAMES.join(', ')}`);
    run.killed = victim.name;
    run.killedClients = run.recorders.filter((r) => r.name.startsWith(`${victim.name}-`));
    run.beforeKill = await sample(nginx, drillId);
    run.killedAt = performance.now();
    await victim.kill();
    run.instances.delete(victim.name);
    const survivors = [...run.instances.values()];

    run.newOwner = await waitFor('a surviving instance owning the drill', 30_000, async () => {
      const views = await Promise.all(survivors.map(clusterOf));
      const agreed = views[0]?.owner;
      return agreed && agreed !== victim.name && views.every((v) => v.owner === agreed) ? agreed : undefined;
    }, 100);
    run.takeoverAt = performance.now();
    run.clusterAfter = await Promise.all(survivors.map(clusterOf));

    run.afterTakeover = [];
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 500));
      run.afterTakeover.push(await sample(nginx, drillId));
    }
    await waitFor('every client receiving ticks after the takeover', 30_000, async () =>
      withoutTicks(run.takeoverAt ?? 0).length === 0 ? true : undefined, 200, () => `no tick since the takeover for ${withoutTicks(run.takeoverAt ?? 0).join(', ')}`);

    // back on its old address, so nginx sends it traffic again
    const restarted = await start(victim.name, Number(victim.address.split(':')[1]));
    run.rejoinedClient = new LiveRecorder(`${victim.name}-rejoined`, restarted.url, nginx);
    run.recorders.push(run.rejoinedClient);
    await run.rejoinedClient.ready(15_000);
    await waitFor('the restarted instance relaying ticks', 20_000, async () =>
      run.rejoinedClient?.ticks.some((t) => t.drillId === drillId) ? true : undefined);
    run.afterRestart = { drill: await sample(nginx, drillId), cluster: await clusterOf(restarted) };

    run.k6 = await k6Running;
    run.finalDrill = await waitFor('the drill ended', 60_000, async () => {
      const res = await call<DrillDto>(nginx, `/api/v1/drills/${drillId}`, { token: ADMIN_TOKEN });
      if (res.body.status === 'running' && run.k6) await call(nginx, `/api/v1/drills/${drillId}/stop`, { method: 'POST', token: ADMIN_TOKEN });
      return res.body.status === 'running' ? undefined : res.body;
    }, 500);
    await waitFor('every webhook message delivered', 60_000, async () => {
      const pending = await db.pool.query<{ n: string }>("select count(*) as n from webhook_outbox where status <> 'delivered'");
      return Number(pending.rows[0]?.n) === 0 ? true : undefined;
    }, 500);
    // a late tick batch or a delivery in flight when the outbox said done
    await new Promise((r) => setTimeout(r, 1000));
    return run as ClusterRun;
  } catch (e) {
    const logs = [...run.instances.values()].map((i) => `--- ${i.name}:\n${i.output().slice(-3000)}`).join('\n');
    await run.teardown();
    throw new Error(`${(e as Error).message}\n${logs}`, { cause: e });
  }
}
