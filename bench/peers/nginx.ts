/**
 * Debian's nginx, run for a test or a benchmark: the shipped deploy/nginx/flashcrowd.conf
 * rendered with loopback ports and a throwaway prefix, in front of running instances, plus
 * an optional static folder to serve as a peer. Never listens beyond 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/processes.js';

export const NGINX_PATH = '/usr/sbin/nginx';
export const HOW_TO_GET_NGINX = 'apt-get install nginx-light (or nginx)';
const SHIPPED_CONFIG = fileURLToPath(new URL('../../../deploy/nginx/flashcrowd.conf', import.meta.url));
const SHIPPED_CONFIG_FROM_SOURCE = fileURLToPath(new URL('../../deploy/nginx/flashcrowd.conf', import.meta.url));

export function nginxAvailable(): boolean {
  return existsSync(NGINX_PATH);
}

/** The shipped server block with these instances, this port and this cache folder. */
export function renderShippedConfig(text: string, options: { instances: readonly string[]; port: number; cacheDir: string }): string {
  const servers = (line: string): string =>
    options.instances.map((address) => line.replace('127.0.0.1:8080', address)).join('\n');
  const rendered = text
    .replace('/var/cache/nginx/flashcrowd', options.cacheDir)
    .replace(/^(\s*)listen 80;.*$/m, `$1listen 127.0.0.1:${options.port};`)
    .replace(/^.*server 127\.0\.0\.1:8080.*$/gm, servers);
  if (rendered.includes(':8080') || !rendered.includes(`127.0.0.1:${options.port}`)) {
    throw new Error('deploy/nginx/flashcrowd.conf changed shape: the renderer no longer finds its listen or server lines');
  }
  return rendered;
}

export interface RunningNginx {
  url: string;
  /** the static peer's base URL, when a folder was given */
  staticUrl: string | null;
  /** the master process; its workers are its children */
  pid: number;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${await log()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not answer on 127.0.0.1:${port}: ${await log()}`);
}

/** an nginx add_header line: the value quoted, quotes and backslashes escaped */
const addHeader = (name: string, value: string): string => `add_header ${name} "${value.replace(/["\\]/g, '\\$&')}" always;`;

export interface StaticPeer {
  root: string;
  /** JSON files are sent as application/json; charset=utf-8, as ours are */
  headers?: Readonly<Record<string, string>>;
}

export async function startNginx(options: { instances: readonly string[]; staticPeer?: StaticPeer; workers?: number }): Promise<RunningNginx> {
  const prefix = await mkdtemp(join(tmpdir(), 'flashcrowd-nginx-'));
  // workers drop to an unprivileged user when started as root: let them use the prefix
  await chmod(prefix, 0o777);
  for (const dir of ['cache', 'tmp']) await mkdir(join(prefix, dir), { mode: 0o777 });
  const port = await freePort();
  const staticPort = options.staticPeer ? await freePort() : null;
  const shipped = await readFile(existsSync(SHIPPED_CONFIG) ? SHIPPED_CONFIG : SHIPPED_CONFIG_FROM_SOURCE, 'utf8');
  await writeFile(join(prefix, 'flashcrowd.conf'), renderShippedConfig(shipped, { instances: options.instances, port, cacheDir: join(prefix, 'cache') }));
  const peer = options.staticPeer;
  const staticServer = peer && staticPort
    ? `server {
    listen 127.0.0.1:${staticPort}; root ${peer.root}; etag on;
    types { application/json json; } charset utf-8; charset_types application/json;
    ${Object.entries(peer.headers ?? {}).map(([name, value]) => addHeader(name, value)).join('\n    ')}
  }`
    : '';
  const temp = join(prefix, 'tmp');
  await writeFile(
    join(prefix, 'nginx.conf'),
    `daemon off;
worker_processes ${options.workers ?? 1};
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  # a load generator keeps its connections: closed every 1,000 requests (the default), one
  # with a request in flight counts as an error and stops the bench, on either side
  keepalive_requests 1000000;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  default_type application/octet-stream;
  include ${join(prefix, 'flashcrowd.conf')};
  ${staticServer}
}
`,
  );
  const child = spawn(NGINX_PATH, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: 'ignore' });
  const log = () => readFile(join(prefix, 'error.log'), 'utf8').catch(() => '(no error log)');
  try {
    await waitForPort(port, child, log);
  } catch (e) {
    child.kill('SIGKILL');
    await rm(prefix, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    staticUrl: staticPort ? `http://127.0.0.1:${staticPort}` : null,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
