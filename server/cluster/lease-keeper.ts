/**
 * Keeps this instance's claim on a lease: tries to take it at start and then every
 * `renewMs`, extending it while held. Tells its owner when the lease is won and when it is
 * lost: another instance took it after it ran out, or the database could not be reached
 * for as long as the lease lasts (then another instance may have taken it).
 */
import type { Clock } from '../clock/clock.js';
import type { LeaseRepository } from '../store/leases.js';

export interface LeaseKeeperOptions {
  leases: LeaseRepository;
  /** what the lease is on */
  name: string;
  /** this instance */
  holder: string;
  clock: Clock;
  ttlMs: number;
  renewMs: number;
  /** the lease was won: runs before the next round */
  onAcquired: () => Promise<void>;
  onLost: () => void;
  onError: (err: unknown) => void;
}

export class LeaseKeeper {
  private heldSince: number | null = null;
  private lastRenewed = 0;
  private handle: unknown = null;
  private round: Promise<void> = Promise.resolve();
  private owner: string | null = null;
  private stopped = false;

  constructor(private readonly opts: LeaseKeeperOptions) {}

  get held(): boolean {
    return this.heldSince !== null;
  }

  /** the instance that held the lease when last looked at (this one while held) */
  get knownOwner(): string | null {
    return this.held ? this.opts.holder : this.owner;
  }

  /** The first round is awaited, so a lone instance starts as the holder. */
  async start(): Promise<void> {
    await this.tick();
    if (this.stopped) return;
    this.handle = this.opts.clock.setInterval(() => void this.tick(), this.opts.renewMs);
  }

  /** Stop renewing; with `release`, give the lease up so another instance takes over at once. */
  async stop(release: boolean): Promise<void> {
    this.stopped = true;
    if (this.handle !== null) this.opts.clock.clearInterval(this.handle);
    this.handle = null;
    await this.round;
    if (release && this.held) {
      this.heldSince = null;
      await this.opts.leases.release(this.opts.name, this.opts.holder).catch(this.opts.onError);
    }
  }

  /**
   * The holder found it could not act under the lease (a write it made under the lease was
   * refused): count it as not held, so the next round that wins it takes it in hand again.
   */
  forget(): void {
    this.heldSince = null;
  }

  /** Rounds never overlap: a slow database delays the next one rather than racing it. */
  private tick(): Promise<void> {
    this.round = this.round.then(() => (this.stopped ? undefined : this.attempt()));
    return this.round;
  }

  private async attempt(): Promise<void> {
    const { leases, name, holder, clock, ttlMs } = this.opts;
    const now = clock.now();
    try {
      const won = await leases.acquire(name, holder, new Date(now).toISOString(), new Date(now + ttlMs).toISOString());
      if (won) {
        this.lastRenewed = now;
        if (!this.held) {
          this.heldSince = now;
          await this.opts.onAcquired().catch(async (err: unknown) => {
            // not taken in hand after all: let it go, so this or another instance tries again
            this.heldSince = null;
            await leases.release(name, holder);
            throw err;
          });
        }
        return;
      }
      this.owner = (await leases.holder(name, new Date(now).toISOString()))?.holder ?? null;
      if (this.held) this.lose();
    } catch (err) {
      this.opts.onError(err);
      if (this.held && now - this.lastRenewed >= ttlMs) this.lose();
    }
  }

  private lose(): void {
    this.heldSince = null;
    this.opts.onLost();
  }
}
