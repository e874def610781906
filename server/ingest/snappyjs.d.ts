// snappyjs ships no type declarations; these cover the two functions it exports.
declare module 'snappyjs' {
  /** Decompresses a snappy block; throws on a corrupt stream or when the declared length exceeds maxLength. */
  export function uncompress<T extends Uint8Array | ArrayBuffer>(compressed: T, maxLength?: number): T;
  /** Compresses into the snappy block format (not the framed format). */
  export function compress<T extends Uint8Array | ArrayBuffer>(uncompressed: T): T;
}
