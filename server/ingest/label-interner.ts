/**
 * One decoded label list per distinct encoding. A remote-write sender repeats every series'
 * labels, byte for byte, in every request; decoding them each time (a dozen strings and
 * objects per series) was most of a request's cost. The decoder looks the raw bytes up here
 * first, so a series seen before costs one short string and one map lookup, and whatever is
 * derived from its labels (its key, the services it feeds) can be kept by identity.
 *
 * Bounded in entries and in bytes: past either the table starts over, so a sender of ever
 * new label sets costs a fixed amount of memory and, at worst, the decoding it would have
 * cost anyway.
 */
import type { Label } from './remote-write.js';

/** Encoded label bytes held at most; real series take a few hundred bytes each. */
export const DEFAULT_INTERNED_BYTES = 8 * 1024 * 1024;

export class LabelInterner {
  private readonly byBytes = new Map<string, readonly Label[]>();
  private heldBytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes = DEFAULT_INTERNED_BYTES,
  ) {}

  get size(): number {
    return this.byBytes.size;
  }

  get(bytes: string): readonly Label[] | undefined {
    return this.byBytes.get(bytes);
  }

  add(bytes: string, labels: readonly Label[]): void {
    if (this.byBytes.size >= this.maxEntries || this.heldBytes + bytes.length > this.maxBytes) {
      this.byBytes.clear();
      this.heldBytes = 0;
    }
    if (bytes.length > this.maxBytes) return;
    this.byBytes.set(bytes, labels);
    this.heldBytes += bytes.length;
  }
}
