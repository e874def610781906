/**
 * Holds socket pushes that arrive while a subscription is being acknowledged, so they are
 * applied after the snapshot they follow: the snapshot replaces the buffers, then the held
 * pushes append (the store drops any tick the snapshot already had).
 */
export interface PushGate {
  /** from now on, wrapped handlers queue their calls */
  hold(): void;
  /** runs the queued calls in arrival order, then lets calls through again */
  release(): void;
  /** forgets the queued calls (the subscription failed; a new snapshot will come) */
  drop(): void;
  wrap<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void;
}

export function createPushGate(): PushGate {
  let holding = false;
  let queue: (() => void)[] = [];
  return {
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      const held = queue;
      queue = [];
      for (const call of held) call();
    },
    drop() {
      queue = [];
    },
    wrap(handler) {
      return (...args) => {
        if (holding) queue.push(() => handler(...args));
        else handler(...args);
      };
    },
  };
}
