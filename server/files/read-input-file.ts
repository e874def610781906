/**
 * Reading a file a user named (plan, scenario, trace, config): only a regular file, only up
 * to a size cap, checked with fstat on the opened descriptor before anything is read. A
 * device (/dev/zero), a FIFO or a directory would otherwise read forever or fail deep inside
 * a parser. Opened non-blocking so a FIFO without a writer cannot hang the open itself.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { fail, ok, type FlashcrowdError, type Result } from '../core/errors.js';

/** Caps per kind of input, in bytes; README "Command line" lists them. */
export const INPUT_LIMITS = {
  plan: 1024 * 1024,
  config: 1024 * 1024,
  manifest: 1024 * 1024,
  scenario: 64 * 1024 * 1024,
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The file operations reading needs, blocking or not: the same steps (`reading`) drive both. */
interface FileOps<H> {
  open(path: string): H | Promise<H>;
  stat(handle: H): Stats | Promise<Stats>;
  read(handle: H, buffer: Buffer, offset: number, length: number): number | Promise<number>;
  close(handle: H): void | Promise<void>;
}

// Each step yields an operation's outcome (a value, or a promise of one) and is resumed with the value.
type Steps<R> = Generator<unknown, R, never>;

function* step<T>(outcome: T | Promise<T>): Generator<T | Promise<T>, T, T> {
  return yield outcome;
}

function* reading<H>(path: string, kind: InputKind, ops: FileOps<H>): Steps<Result<string>> {
  let handle: H;
  try {
    handle = yield* step(ops.open(path));
  } catch (e) {
    return fail(openError(path, kind, e));
  }
  try {
    const stats = yield* step(ops.stat(handle));
    const refused = checkStats(stats, path, kind);
    if (refused) return fail(refused);
    const buffer = new GrowingBuffer(stats.size, INPUT_LIMITS[kind]);
    for (;;) {
      const room = buffer.room();
      if (!room) return fail(tooLarge(path, kind));
      const bytesRead = yield* step(ops.read(handle, room.buffer, room.offset, room.length));
      if (bytesRead === 0) return ok(buffer.text());
      buffer.filled(bytesRead);
    }
  } catch (e) {
    return fail(openError(path, kind, e));
  } finally {
    yield* step(ops.close(handle));
  }
}

// a blocking operation runs (and throws) inside the steps themselves, so its value goes straight back
function runSync<R>(steps: Steps<R>): R {
  let next = steps.next();
  while (!next.done) next = steps.next(next.value as never);
  return next.value;
}

async function runAsync<R>(steps: Steps<R>): Promise<R> {
  let next = steps.next();
  while (!next.done) {
    try {
      next = steps.next((await next.value) as never);
    } catch (e) {
      next = steps.throw(e);
    }
  }
  return next.value;
}

const ASYNC_OPS: FileOps<FileHandle> = {
  open: (path) => open(path, OPEN_FLAGS),
  stat: (handle) => handle.stat(),
  read: async (handle, buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead,
  close: (handle) => handle.close(),
};

const SYNC_OPS: FileOps<number> = {
  open: (path) => openSync(path, OPEN_FLAGS),
  stat: (fd) => fstatSync(fd),
  read: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: (fd) => closeSync(fd),
};

export function readInputFile(path: string, kind: InputKind): Promise<Result<string>> {
  return runAsync(reading(path, kind, ASYNC_OPS));
}

/** The same check for synchronous callers (the config loader). */
export function readInputFileSync(path: string, kind: InputKind): Result<string> {
  return runSync(reading(path, kind, SYNC_OPS));
}

/**
 * Room for a file fstat said is `size` bytes: one byte more, so reaching the end is seen in
 * one read; a file that grows after fstat gets more room, up to one byte past the cap.
 */
class GrowingBuffer {
  private buffer: Buffer;
  private length = 0;

  constructor(size: number, private readonly limit: number) {
    this.buffer = Buffer.alloc(Math.min(size, limit) + 1);
  }

  /** where the next read goes, or null when the cap is passed */
  room(): { buffer: Buffer; offset: number; length: number } | null {
    if (this.length > this.limit) return null;
    if (this.length === this.buffer.length) {
      const bigger = Buffer.alloc(Math.min(this.buffer.length * 2, this.limit + 1));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    return { buffer: this.buffer, offset: this.length, length: this.buffer.length - this.length };
  }

  filled(bytes: number): void {
    this.length += bytes;
  }

  text(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }
}

function checkStats(stats: Stats, path: string, kind: InputKind): FlashcrowdError | null {
  if (!stats.isFile()) {
    const what = stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a pipe (FIFO)' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file';
    return { code: `${kind}.read`, message: `the ${kind} file is ${what}; give the path of a regular file`, file: path };
  }
  return stats.size > INPUT_LIMITS[kind] ? tooLarge(path, kind) : null;
}

function tooLarge(path: string, kind: InputKind): FlashcrowdError {
  return { code: `${kind}.too-large`, message: `the ${kind} file is larger than ${formatBytes(INPUT_LIMITS[kind])}, the most a ${kind} file may be`, file: path };
}

function openError(path: string, kind: InputKind, e: unknown): FlashcrowdError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(e));
  return { code: `${kind}.read`, message: `cannot read the ${kind} file "${path}": ${reason}; check the path and permissions`, file: path };
}

function formatBytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MiB`;
}
