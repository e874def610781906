import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatError } from '../core/errors.js';
import { loadConfig, type ReadTextFile } from './load-config.js';
import { fastifyTrustProxy } from './trust-proxy.js';
import { DEFAULT_CONFIG, type Config } from './schema.js';

const noFile: ReadTextFile = (path) => {
  throw new Error(`ENOENT: no such file or directory, open '${path}'`);
};

function files(contents: Record<string, string>): ReadTextFile {
  return (path) => {
    const text = contents[path];
    if (text === undefined) return noFile(path);
    return text;
  };
}

function load(argv: string[], env: NodeJS.ProcessEnv = {}, readFile: ReadTextFile = noFile): Config {
  const result = loadConfig(argv, env, readFile);
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.value;
}

function errorsOf(argv: string[], env: NodeJS.ProcessEnv = {}, readFile: ReadTextFile = noFile): string[] {
  const result = loadConfig(argv, env, readFile);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(formatError);
}

describe('defaults', () => {
  it('with nothing given: port 8080 on 127.0.0.1, ./data, the embedded plan, public reads', () => {
    expect(load([])).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: './data', plan: null, adminToken: null, publicRead: true, logLevel: 'warn' });
  });
});

describe('flags', () => {
  it('reads every flag, in both --name value and --name=value forms', () => {
    const config = load([
      '--port', '9090', '--host=0.0.0.0', '--data-dir', '/var/lib/fc', '--plan', 'plans/feb3.yaml',
      '--no-public-read', '--log-level', 'debug', '--ingest-body-limit', '2048', '--remote-write-body-limit=8192',
      '--ingest-rate-limit', '60', '--remote-write-max-series', '1000', '--webhook-timeout-ms', '5000', '--webhook-max-attempts', '3', '--webhook-allow-private',
    ]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      port: 9090,
      host: '0.0.0.0',
      dataDir: '/var/lib/fc',
      plan: 'plans/feb3.yaml',
      publicRead: false,
      logLevel: 'debug',
      ingest: { jsonBodyLimit: 2048, remoteWriteBodyLimit: 8192, rateLimitPerMinute: 60, remoteWriteMaxSeries: 1000 },
      webhooks: { timeoutMs: 5000, maxAttempts: 3, allowPrivate: true },
    });
  });

  it.each([
    [['--public-read'], true],
    [['--public-read=false'], false],
    [['--no-public-read'], false],
    [['--no-public-read', '--public-read'], true],
  ])('boolean %j -> %s', (argv, expected) => {
    expect(load(argv).publicRead).toBe(expected);
  });

  it('lets the last of a repeated flag win', () => {
    expect(load(['--port', '1', '--port', '2']).port).toBe(2);
  });
});

describe('environment', () => {
  it('reads every variable', () => {
    const config = load([], {
      FLASHCROWD_PORT: '7000',
      FLASHCROWD_HOST: '0.0.0.0',
      FLASHCROWD_DATA_DIR: '/data',
      FLASHCROWD_PLAN: '/plans/p.yaml',
      FLASHCROWD_ADMIN_TOKEN: 'fc_admin_secret_from_ci_0123456789',
      FLASHCROWD_PUBLIC_READ: 'no',
      FLASHCROWD_LOG_LEVEL: 'warn',
      FLASHCROWD_INGEST_BODY_LIMIT: '4096',
      FLASHCROWD_REMOTE_WRITE_BODY_LIMIT: '16384',
      FLASHCROWD_INGEST_RATE_LIMIT: '10',
      FLASHCROWD_REMOTE_WRITE_MAX_SERIES: '2000',
      FLASHCROWD_WEBHOOK_TIMEOUT_MS: '2000',
      FLASHCROWD_WEBHOOK_MAX_ATTEMPTS: '5',
      FLASHCROWD_WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      port: 7000,
      host: '0.0.0.0',
      dataDir: '/data',
      plan: '/plans/p.yaml',
      adminToken: 'fc_admin_secret_from_ci_0123456789',
      publicRead: false,
      logLevel: 'warn',
      ingest: { jsonBodyLimit: 4096, remoteWriteBodyLimit: 16384, rateLimitPerMinute: 10, remoteWriteMaxSeries: 2000 },
      webhooks: { timeoutMs: 2000, maxAttempts: 5, allowPrivate: true },
    });
  });

  it('treats empty variables as unset and ignores unrelated ones', () => {
    expect(load([], { FLASHCROWD_PORT: '', PORT: '1', HOME: '/root' })).toEqual(DEFAULT_CONFIG);
  });
});

describe('config file', () => {
  const yaml = ['port: 6000', 'host: 0.0.0.0', 'dataDir: state', 'plan: /abs/plan.yaml', 'adminToken: from-file-token-0123456789', 'publicRead: false', 'ingest:', '  rateLimitPerMinute: 30', 'webhooks:', '  maxAttempts: 4', ''].join('\n');

  it('reads YAML named by --config, paths relative to the file', () => {
    const config = load(['--config', '/etc/fc/flashcrowd.yaml'], {}, files({ '/etc/fc/flashcrowd.yaml': yaml }));
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      port: 6000,
      host: '0.0.0.0',
      dataDir: '/etc/fc/state',
      plan: '/abs/plan.yaml',
      adminToken: 'from-file-token-0123456789',
      publicRead: false,
      ingest: { ...DEFAULT_CONFIG.ingest, rateLimitPerMinute: 30 },
      webhooks: { ...DEFAULT_CONFIG.webhooks, maxAttempts: 4 },
      configFile: '/etc/fc/flashcrowd.yaml',
    });
  });

  it('reads JSON named by FLASHCROWD_CONFIG', () => {
    const json = JSON.stringify({ port: 6001, logLevel: 'error', ingest: { jsonBodyLimit: 10000 } }, null, 2);
    const config = load([], { FLASHCROWD_CONFIG: '/c/fc.json' }, files({ '/c/fc.json': json }));
    expect(config).toMatchObject({ port: 6001, logLevel: 'error', ingest: { jsonBodyLimit: 10000 }, configFile: '/c/fc.json' });
  });

  it('accepts an empty file', () => {
    expect(load(['--config', '/e.yaml'], {}, files({ '/e.yaml': '' }))).toEqual({ ...DEFAULT_CONFIG, configFile: '/e.yaml' });
  });
});

describe('precedence: flag > environment > file > default', () => {
  const file = files({ '/f.yaml': 'port: 1111\nhost: file-host\ndataDir: /file-data\n' });
  const env = { FLASHCROWD_CONFIG: '/f.yaml', FLASHCROWD_PORT: '2222', FLASHCROWD_HOST: 'env-host' };

  it('takes each setting from the strongest source that has it', () => {
    const config = load(['--port', '3333'], env, file);
    expect(config).toMatchObject({ port: 3333, host: 'env-host', dataDir: '/file-data', logLevel: 'warn' });
  });

  it('lets --config override FLASHCROWD_CONFIG', () => {
    const both = files({ '/f.yaml': 'port: 1111\n', '/g.yaml': 'port: 4444\n' });
    expect(load(['--config=/g.yaml'], { FLASHCROWD_CONFIG: '/f.yaml' }, both)).toMatchObject({ port: 4444, configFile: '/g.yaml' });
  });

  test.prop([fc.option(fc.integer({ min: 0, max: 65535 })), fc.option(fc.integer({ min: 0, max: 65535 })), fc.option(fc.integer({ min: 0, max: 65535 }))])(
    'the port comes from the first source that sets it',
    (flag, envPort, filePort) => {
      const argv = flag === null ? [] : ['--port', String(flag)];
      const e: NodeJS.ProcessEnv = envPort === null ? {} : { FLASHCROWD_PORT: String(envPort) };
      const argvWithFile = filePort === null ? argv : [...argv, '--config', '/p.yaml'];
      const read = files({ '/p.yaml': `port: ${filePort}\n` });
      expect(load(argvWithFile, e, read).port).toBe(flag ?? envPort ?? filePort ?? 8080);
    },
  );
});

describe('errors name the source and the expected form', () => {
  it.each([
    [['--port', '80a'], '--port: expected a port number 0-65535, got "80a"'],
    [['--port', '70000'], '--port: expected a port number 0-65535, got "70000"'],
    [['--port'], '--port: expected a port number 0-65535, got nothing'],
    [['--port', '--host', 'x'], '--port: expected a port number 0-65535, got nothing'],
    [['--log-level', 'loud'], '--log-level: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [['--public-read=maybe'], '--public-read: expected true or false, got "maybe"'],
    [['--ingest-body-limit', '10'], '--ingest-body-limit: expected a size in bytes, 1024 to 67108864 (64 MiB), got "10"'],
    [['--webhook-max-attempts', '0'], '--webhook-max-attempts: expected a number of attempts between 1 and 100, got "0"'],
    [['--host='], '--host: expected a host name or address to listen on, e.g. 127.0.0.1 or 0.0.0.0, got ""'],
    [['--config'], '--config: expected a config file path, got nothing'],
  ])('flag %j', (argv, message) => {
    expect(errorsOf(argv)).toEqual([message]);
  });

  it('names an unknown flag with a suggestion', () => {
    expect(errorsOf(['--prot', '80'])).toEqual(['--prot: unknown flag; did you mean --port?', '80: unexpected argument "80"; settings are given as flags such as --port 8080']);
    expect(errorsOf(['--data-dri=x'])).toEqual(['--data-dri: unknown flag; did you mean --data-dir?']);
    expect(errorsOf(['--admin-token', 'x'])[0]).toMatch(/^--admin-token: unknown flag/);
    expect(errorsOf(['--zzzzzzzzzzzz'])[0]).toContain('known flags: --port, --host');
  });

  it('names the environment variable', () => {
    expect(errorsOf([], { FLASHCROWD_PORT: '80a' })).toEqual(['FLASHCROWD_PORT: expected a port number 0-65535, got "80a"']);
    expect(errorsOf([], { FLASHCROWD_PUBLIC_READ: 'perhaps' })).toEqual(['FLASHCROWD_PUBLIC_READ: expected true or false, got "perhaps"']);
  });

  it('names file:line:column and the key for a bad value in the file', () => {
    const read = files({ '/c.yaml': 'host: 0.0.0.0\nport: 80a\ningest:\n  rateLimitPerMinute: -1\n' });
    expect(errorsOf(['--config', '/c.yaml'], {}, read)).toEqual([
      '/c.yaml:2:7: port: expected a port number 0-65535, got "80a"',
      '/c.yaml:4:23: ingest.rateLimitPerMinute: expected a number of requests per minute, 1 to 1000000, got -1',
    ]);
  });

  it('names unknown keys in the file with a suggestion', () => {
    const read = files({ '/c.yaml': 'prot: 80\ningest:\n  rateLimitPerMinte: 5\nwebhooks: 3\n' });
    expect(errorsOf(['--config', '/c.yaml'], {}, read)).toEqual([
      '/c.yaml:1:1: prot: unknown setting "prot"; did you mean "port"?',
      '/c.yaml:3:3: ingest.rateLimitPerMinte: unknown setting "rateLimitPerMinte"; did you mean "rateLimitPerMinute"?',
      '/c.yaml:4:1: webhooks: expected a mapping with timeoutMs, maxAttempts, allowPrivate',
    ]);
  });

  it('reports a syntax error with its position, and a file that is not a mapping', () => {
    const read = files({ '/bad.json': '{ "port": 80,, }', '/list.yaml': '- port\n' });
    const [syntax] = errorsOf(['--config', '/bad.json'], {}, read);
    expect(syntax).toMatch(/^\/bad\.json:1:\d+: /);
    expect(errorsOf(['--config', '/list.yaml'], {}, read)).toEqual(['/list.yaml:1:1: expected a mapping of settings such as "port: 8080"']);
  });

  it('names the source of a config file that cannot be read', () => {
    expect(errorsOf([], { FLASHCROWD_CONFIG: '/missing.yaml' })).toEqual([
      `FLASHCROWD_CONFIG: cannot read the config file "/missing.yaml": ENOENT: no such file or directory, open '/missing.yaml'`,
    ]);
  });

  it('reports every problem at once', () => {
    expect(errorsOf(['--port', 'x', '--nope'], { FLASHCROWD_LOG_LEVEL: 'loud' })).toHaveLength(3);
  });
});

describe('retention settings', () => {
  it('keeps drills 90 days and the audit log a year by default, and reads both', () => {
    expect(load([]).retention).toEqual({ drillDays: 90, auditDays: 365 });
    expect(load(['--retention-days', '7', '--audit-retention-days', '200']).retention).toEqual({ drillDays: 7, auditDays: 200 });
    expect(load([], { FLASHCROWD_AUDIT_RETENTION_DAYS: '180' }).retention.auditDays).toBe(180);
  });

  it('refuses to keep the audit log less than 180 days, and says why', () => {
    const [error] = errorsOf(['--audit-retention-days', '179']);
    expect(error).toMatch(/--audit-retention-days/);
    expect(error).toMatch(/180 to 36500/);
    expect(error).toMatch(/six months/);
  });
});

describe('proxy trust and failed-auth limits', () => {
  it('believe no proxy and allow 20 unknown tokens in 5 minutes by default', () => {
    expect(DEFAULT_CONFIG).toMatchObject({ trustProxy: null, auth: { failureLimit: 20, failureWindowSeconds: 300 } });
  });

  it('come from flags, the environment and the file', () => {
    expect(load(['--trust-proxy', '10.0.0.1,10.1.0.0/16', '--auth-failure-limit', '5'])).toMatchObject({ trustProxy: '10.0.0.1,10.1.0.0/16', auth: { failureLimit: 5, failureWindowSeconds: 300 } });
    expect(load([], { FLASHCROWD_TRUST_PROXY: 'loopback', FLASHCROWD_AUTH_FAILURE_WINDOW: '60' })).toMatchObject({ trustProxy: 'loopback', auth: { failureWindowSeconds: 60 } });
    const file = files({ '/c.yaml': ['trustProxy: "1"', 'auth:', '  failureLimit: 3', ''].join('\n') });
    expect(load(['--config', '/c.yaml'], {}, file)).toMatchObject({ trustProxy: '1', auth: { failureLimit: 3 } });
  });

  it('refuse nonsense, naming the flag', () => {
    expect(errorsOf(['--trust-proxy', 'x;rm', '--auth-failure-limit', '0'])).toEqual([
      expect.stringContaining('--trust-proxy'),
      expect.stringContaining('--auth-failure-limit'),
    ]);
  });

  it('trustProxy becomes what Fastify takes: off, addresses, or a hop count', () => {
    expect(fastifyTrustProxy(null)).toBe(false);
    expect(fastifyTrustProxy('10.0.0.1, 10.0.0.2')).toBe('10.0.0.1, 10.0.0.2');
    const hops = fastifyTrustProxy('2');
    expect(typeof hops === 'function' && [0, 1, 2].map((hop) => hops('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});
