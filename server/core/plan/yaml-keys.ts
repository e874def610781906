/**
 * Keys in files we read (plans, HPA manifests, config) are names. YAML also allows a list or
 * a mapping as a key (`? [a, b]`, `{a: 1}: x`); the yaml package would turn one into a
 * string and warn on the process's stderr, far from the line that caused it. Such a key is
 * refused instead, at its own line.
 */
import { isAlias, isCollection, isNode, visit, type Document } from 'yaml';

export const COLLECTION_KEY_MESSAGE = 'a key must be a name, not a list or a mapping; write it as "name: value"';

/** Where the first key that is a list or a mapping (written out or through an alias) starts, as an offset; null when none. */
export function collectionKeyOffset(doc: Document): number | null {
  let offset: number | null = null;
  visit(doc, {
    Pair: (_key, pair) => {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (!isCollection(key)) return undefined;
      offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      return visit.BREAK;
    },
  });
  return offset;
}
