/**
 * Snappy block decompression for remote write. The napi-rs `snappy` package (native, its
 * binaries shipped as npm packages per platform) decompresses a maximal 8 MiB body about 4x
 * faster than snappyjs, keeping a request well inside the event-loop budget. If no native
 * binary loads on this platform, snappyjs takes over with the same contract.
 *
 * The caller has already checked the length the block declares against its limit; both
 * decoders refuse a block whose output does not match that declared length, so neither
 * allocates more than the caller allowed.
 */
import { createRequire } from 'node:module';
import snappyjs from 'snappyjs';

type Uncompress = (block: Buffer, maxBytes: number) => Buffer;

interface NativeSnappy {
  uncompressSync(input: Uint8Array, options: { asBuffer: true }): Buffer;
}

function loadNative(): Uncompress | null {
  try {
    // A native module may fail to load (unsupported platform, missing optional binary);
    // require inside try keeps that failure a fallback rather than a crash at import.
    const native = createRequire(import.meta.url)('snappy') as NativeSnappy;
    return (block) => native.uncompressSync(block, { asBuffer: true });
  } catch {
    return null;
  }
}

const fallback: Uncompress = (block, maxBytes) => snappyjs.uncompress(block, maxBytes);
const native = loadNative();

/** Which decoder this process uses, for the bench and the startup log. */
export const snappyImplementation: 'native' | 'snappyjs' = native ? 'native' : 'snappyjs';

/** Decompresses one snappy block (not the framed format); throws on a corrupt block. */
export const uncompressBlock: Uncompress = native ?? fallback;

/** The pure-JS decoder, exported so tests can check both give the same answers. */
export const uncompressBlockJs: Uncompress = fallback;

/** Compresses into one snappy block, the way Prometheus sends remote write (tests, the bench). */
export const compressBlock = (raw: Buffer): Buffer => snappyjs.compress(raw);
