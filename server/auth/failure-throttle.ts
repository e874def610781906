/**
 * Failed authentication per client: after `maxFailures` unknown tokens within `windowMs` of
 * the first, the client is refused (429) until that window ends, so tokens cannot be guessed
 * at line speed. Time is an argument; memory is bounded by `maxClients` (the oldest entry
 * goes first), so a flood of addresses cannot grow it without end.
 */
export interface FailureThrottleOptions {
  maxFailures: number;
  windowMs: number;
  maxClients?: number;
}

interface Window {
  startedAt: number;
  failures: number;
}

export class FailureThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly maxClients: number;

  constructor(private readonly opts: FailureThrottleOptions) {
    this.maxClients = opts.maxClients ?? 10_000;
  }

  /** milliseconds until the client may try again; 0 when it may now */
  retryAfterMs(client: string, now: number): number {
    const w = this.current(client, now);
    if (!w || w.failures < this.opts.maxFailures) return 0;
    return w.startedAt + this.opts.windowMs - now;
  }

  recordFailure(client: string, now: number): void {
    const w = this.current(client, now);
    if (w) {
      w.failures++;
      return;
    }
    if (this.windows.size >= this.maxClients) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    this.windows.set(client, { startedAt: now, failures: 1 });
  }

  private current(client: string, now: number): Window | null {
    const w = this.windows.get(client);
    if (!w) return null;
    if (now - w.startedAt >= this.opts.windowMs) {
      this.windows.delete(client);
      return null;
    }
    return w;
  }
}
