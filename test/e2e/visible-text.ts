/**
 * What a person can read on a page, and the English left on a Chinese one. Proper names stay
 * as written in every language; they are listed here, on purpose, one by one.
 */
import type { Page } from 'playwright-core';

export const PROPER_NAMES = new Set([
  // the product, and each language's own name in the language switch
  'Flashcrowd', 'English',
  // identifiers and standards a person types or looks up as written
  'Asia', 'Shanghai', 'UTC', 'GMT', 'JSON', 'YAML', 'Atom', 'HPA', 'Webhook',
]);

/** Names of more than one word, taken out whole before the words are looked at. */
export const PROPER_PHRASES = [
  // the default plan's own name: a plan is named by the team that writes it
  'Feb-3 return to work',
  'Standard Webhooks',
  'POST /api/v1/webhooks',
  // the default plan's service display names: notice templates insert them as the plan
  // writes them (one name per service, not per language)
  'Video meetings', 'Messaging', 'Documents',
  // drill ids
  /\b(?:d|live)-[0-9a-f]{8}\b/g,
] as const;

/** Visible text nodes (skipping closed <details>, hidden elements and form values). */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (parent === null || text === '' || !parent.checkVisibility({ checkVisibilityCSS: true })) continue;
      if (parent.closest('script, style, option:not(:checked)') !== null) continue;
      out.push(text);
    }
    return out;
  });
}

/** Latin words in the texts that are not proper names (drill ids like d-1a2b3c4d are names too). */
export function foreignWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    const cleaned = PROPER_PHRASES.reduce<string>((rest, phrase) => rest.replaceAll(phrase, ' '), text);
    for (const word of cleaned.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []) if (!PROPER_NAMES.has(word)) words.add(word);
  }
  return [...words];
}
