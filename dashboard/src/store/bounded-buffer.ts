/**
 * A capped, ordered buffer as plain data. Oldest items fall off the front once `capacity`
 * is reached, so memory stays bounded however long a drill runs.
 *
 * Kept as a contiguous array rather than a head-indexed ring: chart.js and the views need
 * ordered arrays anyway, and a plain array survives JSON round-trips unchanged.
 */
export interface BoundedBuffer<T> {
  capacity: number;
  items: T[];
}

export function emptyBuffer<T>(capacity: number): BoundedBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`buffer capacity must be a positive integer, got ${capacity}`);
  }
  return { capacity, items: [] };
}

/** Appends in order; reports how many of the oldest items fell off the front. */
export function appendAll<T>(buffer: BoundedBuffer<T>, added: readonly T[]): { buffer: BoundedBuffer<T>; dropped: number } {
  if (added.length === 0) return { buffer, dropped: 0 };
  const joined = buffer.items.concat(added);
  const dropped = Math.max(0, joined.length - buffer.capacity);
  return { buffer: { capacity: buffer.capacity, items: dropped > 0 ? joined.slice(dropped) : joined }, dropped };
}

/** Replaces the whole content, keeping only the newest `capacity` items. */
export function replaceAll<T>(buffer: BoundedBuffer<T>, items: readonly T[]): BoundedBuffer<T> {
  return { capacity: buffer.capacity, items: items.slice(Math.max(0, items.length - buffer.capacity)) };
}

export function lastItem<T>(buffer: BoundedBuffer<T>): T | undefined {
  return buffer.items[buffer.items.length - 1];
}
