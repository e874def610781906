/**
 * Serialised documents with their ETags, kept per (document, language) until the input's
 * version changes, and one input fetch per version however many requests arrive at once.
 * Without a version every request fetches and renders afresh.
 */
import type { Language } from '../core/plan/types.js';
import { strongEtag } from './etag.js';
import type { StatusInput } from './status-input.js';

export interface Rendered {
  body: string;
  etag: string;
}

export interface RenderedCache {
  get(document: string, language: Language, render: (input: StatusInput) => string): Promise<Rendered>;
  /** the input itself, e.g. to learn its default language */
  input(): Promise<StatusInput>;
}

export function renderedCache(source: () => Promise<StatusInput> | StatusInput, version?: () => number): RenderedCache {
  let cachedVersion: number | null = null;
  let input: Promise<StatusInput> | null = null;
  let bodies = new Map<string, Rendered>();

  function current(): Promise<StatusInput> {
    if (!version) return Promise.resolve(source());
    const v = version();
    if (v !== cachedVersion || !input) {
      cachedVersion = v;
      bodies = new Map();
      input = Promise.resolve(source());
      // A failed fetch must not stay cached for the version.
      input.catch(() => {
        if (cachedVersion === v) input = null;
      });
    }
    return input;
  }

  return {
    input: current,
    async get(document, language, render) {
      const pending = current();
      // current() has just replaced the map if the version moved; this one belongs to `pending`.
      const forVersion = bodies;
      const key = `${document}\u0000${language}`;
      const hit = version ? forVersion.get(key) : undefined;
      if (hit) return hit;
      const body = render(await pending);
      const rendered = { body, etag: strongEtag(body) };
      if (version) forVersion.set(key, rendered);
      return rendered;
    },
  };
}
