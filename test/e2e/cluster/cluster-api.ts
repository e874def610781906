/** The few HTTP calls the cluster suite makes, JSON in and out, each bounded in time. */

export interface ClusterView {
  mode: 'postgres' | 'single';
  instance: string;
  owner: string | null;
  ownerUntil: string | null;
}

export interface Answer<T> {
  status: number;
  body: T;
}

export async function call<T = unknown>(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    signal: AbortSignal.timeout(10_000),
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  const json = text !== '' && (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: (json ? JSON.parse(text) : text) as T };
}

/**
 * Poll `probe` every `everyMs` until it returns a value (not undefined), or throw `what`
 * after `withinMs`, with what `explain` says of the state it was waiting on.
 */
export async function waitFor<T>(what: string, withinMs: number, probe: () => Promise<T | undefined>, everyMs = 200, explain?: () => string): Promise<T> {
  const until = performance.now() + withinMs;
  let lastError = '';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = ` (last error: ${(e as Error).message})`;
    }
    if (performance.now() > until) throw new Error(`${what}: not within ${withinMs} ms${lastError}${explain ? `; ${explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
