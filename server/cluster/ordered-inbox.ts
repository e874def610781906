/**
 * Puts one sender's numbered messages back in order. The PostgreSQL adapter sends a large
 * payload through its table and a small one inline, so a tick's output with notices can
 * arrive after the next tick's; a follower must see them in the order the driver sent them.
 * A message that never comes (lost) is given up once `maxHeld` later ones wait behind it.
 */
export class OrderedInbox<T> {
  private next: number | null = null;
  private readonly held = new Map<number, T>();

  constructor(private readonly deliver: (message: T) => void, private readonly maxHeld = 64) {}

  accept(seq: number, message: T): void {
    if (this.next !== null && seq < this.next) return;
    this.next ??= seq;
    this.held.set(seq, message);
    this.drain();
    if (this.held.size > this.maxHeld) {
      this.next = Math.min(...this.held.keys());
      this.drain();
    }
  }

  private drain(): void {
    for (let m = this.held.get(this.next as number); m !== undefined; m = this.held.get(this.next as number)) {
      this.held.delete(this.next as number);
      this.next = (this.next as number) + 1;
      this.deliver(m);
    }
  }
}
