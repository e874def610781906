/**
 * Serialised documents with their ETags, kept per (document, language) until the input's
 * version changes, with one input fetch per version however many requests arrive at once.
 * Without a version every request fetches and renders afresh.
 */
import type { Language } from '../core/plan/types.js';
import { strongEtag } from './etag.js';
import type { StatusInput } from './status-input.js';

export interface Rendered {
  body: string;
  etag: string;
}

export interface Snapshot {
  input: StatusInput;
  /** the document rendered from this snapshot's input, rendered at most once per version */
  render(document: string, language: Language, build: (input: StatusInput) => string): Rendered;
}

interface Generation {
  version: number;
  input: Promise<StatusInput>;
  bodies: Map<string, Rendered>;
}

function snapshotOf(input: StatusInput, bodies: Map<string, Rendered> | null): Snapshot {
  return {
    input,
    render(document, language, build) {
      const key = `${document}\u0000${language}`;
      const hit = bodies?.get(key);
      if (hit) return hit;
      const body = build(input);
      const rendered = { body, etag: strongEtag(body) };
      bodies?.set(key, rendered);
      return rendered;
    },
  };
}

export function renderedCache(
  source: () => Promise<StatusInput> | StatusInput,
  version?: () => number,
): { snapshot: () => Promise<Snapshot> } {
  let generation: Generation | null = null;

  function currentGeneration(v: number): Generation {
    if (generation?.version === v) return generation;
    const fresh: Generation = { version: v, input: Promise.resolve(source()), bodies: new Map() };
    // A failed fetch is not kept: the next request tries again.
    fresh.input.catch(() => {
      if (generation === fresh) generation = null;
    });
    generation = fresh;
    return fresh;
  }

  return {
    async snapshot() {
      if (!version) return snapshotOf(await source(), null);
      const g = currentGeneration(version());
      return snapshotOf(await g.input, g.bodies);
    },
  };
}
