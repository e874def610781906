/**
 * Commands another instance must carry out: an instance that does not drive the drills
 * sends each to the one that does and waits for its answer. While nobody drives (the driver
 * died and its lease has not run out yet) the request is sent again until an instance takes
 * over or `timeoutMs` passes. The driver answers a repeated request from its memory of
 * recent answers, so a command is carried out once however often it was sent.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import { failWith, type Result } from '../errors/result.js';
import type { ClusterBus, ClusterCommand } from './cluster-bus.js';

export interface DriverRequestsOptions {
  bus: ClusterBus;
  instance: string;
  clock: Clock;
  /** how long to wait for an instance to answer, ms */
  timeoutMs: number;
  /** how often to send a request again while nobody answers, ms */
  resendMs: number;
  /** whether this instance drives the drills now (then it carries requests out) */
  driving: () => boolean;
  carryOut: (command: ClusterCommand) => Promise<Result<unknown>>;
}

interface Pending {
  done: (result: Result<unknown>) => void;
}

const REMEMBERED_ANSWERS = 500;

export class DriverRequests {
  private readonly pending = new Map<string, Pending>();
  private readonly answered = new Map<string, Promise<Result<unknown>>>();

  constructor(private readonly opts: DriverRequestsOptions) {
    opts.bus.on('response', (m) => {
      if (m.to === opts.instance) this.pending.get(m.id)?.done(m.result);
    });
    opts.bus.on('request', (m) => {
      if (opts.driving()) void this.answer(m.from, m.id, m.command);
    });
  }

  /** Have the driving instance carry `command` out; its result, or cluster.no-owner after the timeout. */
  ask(command: ClusterCommand): Promise<Result<unknown>> {
    const { bus, instance, clock, timeoutMs, resendMs } = this.opts;
    const id = randomUUID();
    const began = clock.now();
    return new Promise((resolve) => {
      const send = (): void => bus.send('request', { from: instance, id, command });
      const handle = clock.setInterval(() => {
        if (clock.now() - began >= timeoutMs) finish(failWith('cluster.no-owner', { waitedMs: timeoutMs }));
        else send();
      }, resendMs);
      const finish = (result: Result<unknown>): void => {
        clock.clearInterval(handle);
        this.pending.delete(id);
        resolve(result);
      };
      this.pending.set(id, { done: finish });
      send();
    });
  }

  private async answer(to: string, id: string, command: ClusterCommand): Promise<void> {
    let result = this.answered.get(id);
    if (!result) {
      result = this.opts.carryOut(command).catch(() => failWith('server.internal', undefined));
      this.answered.set(id, result);
      if (this.answered.size > REMEMBERED_ANSWERS) this.answered.delete(this.answered.keys().next().value as string);
    }
    this.opts.bus.send('response', { from: this.opts.instance, to, id, result: await result });
  }
}
