import type { Language } from '../../../server/contracts.js';
import { EN, type MessageKey } from './messages-en.js';
import { ZH_CN } from './messages-zh-cn.js';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en: EN, 'zh-CN': ZH_CN };

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillPlaceholders(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, params) => fillPlaceholders(dictionary[key], params);
}
