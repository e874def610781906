/** Reads and stores the language choice in the browser; the choice itself is made by language.ts. */
import type { Language } from '../api/api-types.js';
import { LANGUAGE_NAMES, LANGUAGE_STORAGE_KEY, LANGUAGES, pickLanguage } from './language.js';
import { el } from '../shared/dom.js';

function readStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function browserLanguage(): Language {
  return pickLanguage({
    query: new URLSearchParams(location.search).get('lang'),
    stored: readStored(),
    browser: navigator.languages?.length ? navigator.languages : [navigator.language],
  });
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode); the choice then lasts for this page only.
  }
}

/** A labelled <select>; each option is named in its own language so anyone can find theirs. */
export function languageSwitch(current: Language, label: string, onChange: (language: Language) => void): HTMLElement {
  const select = el('select', { id: 'language', 'data-testid': 'language-select' });
  for (const language of LANGUAGES) {
    select.append(el('option', { value: language, lang: language, selected: language === current }, LANGUAGE_NAMES[language]));
  }
  select.addEventListener('change', () => {
    const chosen = LANGUAGES.find((l) => l === select.value) ?? 'en';
    storeLanguage(chosen);
    // An explicit ?lang= would override the stored choice on the next load; keep the address truthful.
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', chosen);
      history.replaceState(null, '', url);
    }
    onChange(chosen);
  });
  return el('span', { class: 'lang-switch' }, el('label', { for: 'language' }, label), ' ', select);
}
