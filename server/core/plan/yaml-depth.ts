/**
 * A nesting limit for YAML read from files (plans, HPA manifests, config). The yaml package
 * builds its document recursively, so a few thousand levels of `[[[...` end in "Maximum call
 * stack size exceeded"; no real plan nests more than a dozen levels. Its lexer and CST
 * parser keep their own stacks, so the depth is measured on the CST with an explicit stack,
 * before the document is built.
 */
import { LineCounter, Parser, type CST } from 'yaml';

/** The deepest nesting of mappings and sequences a YAML file may have. */
export const MAX_YAML_DEPTH = 64;

interface Pending {
  token: CST.Token | null | undefined;
  depth: number;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Where the first collection nested deeper than `limit` starts (1-based line and column), or null. */
export function yamlTooDeepAt(text: string, limit = MAX_YAML_DEPTH): { line: number; column: number } | null {
  const lineCounter = new LineCounter();
  const pending: Pending[] = [];
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
    if (token.type === 'document') pending.push({ token: token.value, depth: 0 });
  }
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token, depth } = next;
    if (!token || !COLLECTIONS.has(token.type)) continue;
    if (depth >= limit) {
      const { line, col } = lineCounter.linePos(token.offset);
      return { line, column: col };
    }
    for (const item of (token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items) {
      if ('key' in item) pending.push({ token: item.key, depth: depth + 1 });
      pending.push({ token: item.value, depth: depth + 1 });
    }
  }
  return null;
}

/** The sentence an error gives for a file nested too deeply. */
export const YAML_TOO_DEEP_MESSAGE = `nested deeper than ${MAX_YAML_DEPTH} levels; no plan, manifest or config needs that many, so the file is refused before it is read`;
