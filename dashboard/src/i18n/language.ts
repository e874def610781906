/** Which UI language to show: an explicit ?lang=, then the stored choice, then the browser. */
import type { Language } from '../../../server/contracts.js';
import { everyMember } from '../shared/every-member.js';

export const LANGUAGE_STORAGE_KEY = 'flashcrowd.language';

export const LANGUAGES = everyMember<Language>()(['en', 'zh-CN']);

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Maps a BCP 47 tag to a supported language; every Chinese variant reads Simplified Chinese best of what we have. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  return null;
}

export interface LanguageSources {
  /** the `lang` query parameter, if any */
  query: string | null;
  /** the choice stored by the language switch, if any */
  stored: string | null;
  /** navigator.languages (most preferred first), or [navigator.language] */
  browser: readonly string[];
}

export function pickLanguage(sources: LanguageSources): Language {
  const fromQuery = matchLanguage(sources.query);
  if (fromQuery) return fromQuery;
  const fromStore = matchLanguage(sources.stored);
  if (fromStore) return fromStore;
  for (const tag of sources.browser) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}
