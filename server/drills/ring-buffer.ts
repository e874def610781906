/** A fixed-capacity buffer that forgets its oldest items: memory stays bounded however long a drill runs. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    if (this.size < this.capacity) {
      this.items[(this.start + this.size) % this.capacity] = item;
      this.size++;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Replace the items `matches` picks, in place; returns how many it replaced. */
  replace(matches: (item: T) => boolean, next: T): number {
    let replaced = 0;
    for (let i = 0; i < this.size; i++) {
      const at = (this.start + i) % this.capacity;
      if (matches(this.items[at] as T)) {
        this.items[at] = next;
        replaced++;
      }
    }
    return replaced;
  }

  get length(): number {
    return this.size;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }
}
