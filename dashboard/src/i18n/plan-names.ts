/**
 * Plan names in the page's language: a service's name as the plan gives it for that language
 * (displayNames), and the built-in level names; a level the plan invents is a proper name.
 */
import type { Language } from '../../../server/contracts.js';
import type { MessageKey, Translate } from './translate.js';

const LEVELS = ['normal', 'watch', 'surge', 'critical'] as const;

export function serviceName(language: Language, service: { displayName: string; displayNames?: Partial<Record<Language, string>> }): string {
  return service.displayNames?.[language] ?? service.displayName;
}

export function levelName(t: Translate, level: string): string {
  const known = LEVELS.find((l) => l === level);
  return known === undefined ? level : t(`level.${known}` satisfies MessageKey);
}
