/**
 * Serialised documents with their ETags, kept per (document, language) until the input's
 * version changes, with one input fetch per version however many requests arrive at once.
 * Without a version every request fetches and renders afresh. A body is kept as wire text
 * (http/wire-text.ts), since it is sent many times.
 *
 * Once a version's input has arrived, snapshot() answers synchronously with the same
 * snapshot object: the common case (a poller asking for an unchanged document) costs a map
 * lookup, not a chain of promises.
 */
import type { Language } from '../core/plan/types.js';
import { wireText } from '../http/wire-text.js';
import { strongEtag } from './etag.js';
import type { StatusInput } from './status-input.js';

export interface Rendered {
  body: string;
  etag: string;
  /** the body's length in UTF-8 bytes */
  bytes: number;
}

export interface Snapshot {
  input: StatusInput;
  /** the document rendered from this snapshot's input, rendered at most once per version */
  render(document: string, language: Language, build: (input: StatusInput, language: Language) => string): Rendered;
}

interface Generation {
  version: number;
  input: Promise<StatusInput>;
  /** by document, then language: a hit allocates nothing */
  bodies: Map<string, Map<Language, Rendered>>;
  /** set once the input has arrived */
  ready: Snapshot | null;
}

function snapshotOf(input: StatusInput, bodies: Map<string, Map<Language, Rendered>> | null): Snapshot {
  return {
    input,
    render(document, language, build) {
      const hit = bodies?.get(document)?.get(language);
      if (hit) return hit;
      const body = wireText(build(input, language));
      const rendered = { body, etag: strongEtag(body), bytes: Buffer.byteLength(body, 'utf8') };
      if (bodies) {
        const byLanguage = bodies.get(document) ?? new Map<Language, Rendered>();
        byLanguage.set(language, rendered);
        bodies.set(document, byLanguage);
      }
      return rendered;
    },
  };
}

export function renderedCache(
  source: () => Promise<StatusInput> | StatusInput,
  version?: () => number,
): { snapshot: () => Snapshot | Promise<Snapshot>; ready: () => Snapshot | null } {
  let generation: Generation | null = null;

  function currentGeneration(v: number): Generation {
    if (generation?.version === v) return generation;
    const fresh: Generation = { version: v, input: Promise.resolve(source()), bodies: new Map(), ready: null };
    fresh.input.then(
      (input) => {
        fresh.ready = snapshotOf(input, fresh.bodies);
      },
      // A failed fetch is not kept: the next request tries again.
      () => {
        if (generation === fresh) generation = null;
      },
    );
    generation = fresh;
    return fresh;
  }

  return {
    snapshot() {
      if (!version) return Promise.resolve(source()).then((input) => snapshotOf(input, null));
      const g = currentGeneration(version());
      return g.ready ?? g.input.then((input) => snapshotOf(input, g.bodies));
    },
    /** this version's snapshot if its input is in hand, else null (and the fetch under way) */
    ready() {
      return version ? currentGeneration(version()).ready : null;
    },
  };
}
