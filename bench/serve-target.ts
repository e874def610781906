/**
 * The processes the HTTP benches measure, each started by the bench and stopped with SIGTERM:
 *
 *   node dist/bench/serve-target.js ours PORT DIR [--incident|--traffic]
 *     the whole app on a SQLite store in DIR; leaves an admin and an ingest token in
 *     DIR/tokens.json; with --incident, a drill is run into an incident and stopped, so the
 *     status documents carry components, incidents and updates and hold still; with
 *     --traffic, the same drill left running at real speed, so the traffic target answers
 *     after the incident's delay
 *   node dist/bench/serve-target.js bare PORT DIR
 *     the peer: bare Fastify routes doing only what a route must (parse the body, wait the
 *     delay, send the same body and headers as ours), with those from DIR/peer.json
 *
 * Both listen on 127.0.0.1 only.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchTokens, PeerSpec } from './lib/peer-spec.js';
import { exitOnTerm } from './lib/processes.js';

type Setup = 'plain' | 'incident' | 'traffic';

async function serveOurs(port: number, dir: string, setup: Setup): Promise<void> {
  const { buildApp } = await import('../server/http/app.js');
  const { createToken } = await import('../server/auth/tokens.js');
  const { loadDefaultPlan } = await import('../server/plan-file.js');
  const { openSqliteStore } = await import('../server/store/open-sqlite-store.js');
  const plan = await loadDefaultPlan();
  if (!plan.ok) throw new Error('the default plan must load');
  const store = await openSqliteStore(join(dir, 'bench.db'));
  const app = await buildApp({ plan: plan.value, planText: '', store, webhooks: { enabled: false }, limits: { ingestPerMinute: 100_000_000 } });
  await app.listen({ port, host: '127.0.0.1' });
  const tokens: BenchTokens = {
    admin: (await createToken(store, 'admin', 'bench', Date.now())).token,
    ingest: (await createToken(store, 'ingest', 'bench', Date.now())).token,
  };
  if (setup !== 'plain') {
    // the traffic target answers after the delay of a running drill: one at real speed keeps
    // that delay for the whole bench, ticking once every few seconds
    const keepRunning = setup === 'traffic';
    const auth = { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' };
    const url = `http://127.0.0.1:${port}`;
    const started = await fetch(`${url}/api/v1/drills`, {
      method: 'POST', headers: auth,
      body: JSON.stringify({ scenario: 'feb3', speed: keepRunning ? 1 : 600, source: 'generated', from: '2020-02-03T08:30:00+08:00', to: '2020-02-03T11:00:00+08:00' }),
    });
    if (!started.ok) throw new Error(`starting the drill answered ${started.status}`);
    const runner = app.drills.running();
    for (let i = 0; i < 120 && runner; i++) runner.tick();
    if (runner && !keepRunning) await fetch(`${url}/api/v1/drills/${runner.spec.id}/stop`, { method: 'POST', headers: { authorization: auth.authorization } });
    await app.drills.flush();
  }
  // written last: the bench waits for this file, so the documents are settled when it reads them
  await writeFile(join(dir, 'tokens.json'), JSON.stringify(tokens));
  exitOnTerm(async () => {
    await app.close();
    await store.close();
  });
}

async function serveBare(port: number, dir: string): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const spec = JSON.parse(await readFile(join(dir, 'peer.json'), 'utf8').catch(() => 'null')) as PeerSpec | null;
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.get('/healthz', async () => ({ ok: true }));
  const ingestHeaders = spec?.ingest.headers ?? {};
  app.post('/ingest', async (req, reply) => reply.code(202).headers(ingestHeaders).send({ accepted: (req.body as { samples: unknown[] }).samples.length }));
  const summary = spec?.summary;
  if (summary) app.get('/summary.json', async (_req, reply) => reply.headers(summary.headers).send(summary.body));
  const traffic = spec?.traffic;
  if (traffic) {
    app.all('/t/:service/*', async (_req, reply) => {
      if (traffic.delayMs >= 1) await new Promise((r) => setTimeout(r, traffic.delayMs));
      return reply.headers(traffic.headers).send(traffic.body);
    });
  }
  await app.listen({ port, host: '127.0.0.1' });
  exitOnTerm(() => app.close());
}

const [mode, port, dir, flag] = process.argv.slice(2);
if (!dir || !(mode === 'ours' || mode === 'bare')) {
  console.error('usage: serve-target.js ours|bare PORT DIR [--incident|--traffic]');
  process.exit(2);
}
if (mode === 'ours') await serveOurs(Number(port), dir, flag === '--incident' ? 'incident' : flag === '--traffic' ? 'traffic' : 'plain');
else await serveBare(Number(port), dir);
