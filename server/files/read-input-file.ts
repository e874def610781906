/**
 * Reading a file a user named (plan, scenario, trace, config): only a regular file, only up
 * to a size cap, checked with fstat on the opened descriptor before anything is read. A
 * device (/dev/zero), a FIFO or a directory would otherwise read forever or fail deep inside
 * a parser. Opened non-blocking so a FIFO without a writer cannot hang the open itself.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
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

export async function readInputFile(path: string, kind: InputKind): Promise<Result<string>> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (e) {
    return fail(openError(path, kind, e));
  }
  try {
    const refused = checkStats(await handle.stat(), path, kind);
    if (refused) return fail(refused);
    const limit = INPUT_LIMITS[kind];
    // read one byte past the cap so a file that grew after fstat is still caught
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return fail(tooLarge(path, kind));
    }
    return ok(buffer.toString('utf8', 0, length));
  } catch (e) {
    return fail(openError(path, kind, e));
  } finally {
    await handle.close();
  }
}

/** The same check for synchronous callers (the config loader). */
export function readInputFileSync(path: string, kind: InputKind): Result<string> {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return fail(openError(path, kind, e));
  }
  try {
    const refused = checkStats(fstatSync(fd), path, kind);
    if (refused) return fail(refused);
    const limit = INPUT_LIMITS[kind];
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return fail(tooLarge(path, kind));
    }
    return ok(buffer.toString('utf8', 0, length));
  } catch (e) {
    return fail(openError(path, kind, e));
  } finally {
    closeSync(fd);
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
