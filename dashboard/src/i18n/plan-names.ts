/**
 * Names the plan writes in English (service display names, level names) in the page's
 * language. The default plan's names are known here; a name this table does not know is a
 * proper name and shown as the plan writes it.
 */
import type { Language } from '../../../server/contracts.js';
import type { MessageKey, Translate } from './translate.js';

const SERVICE_NAMES: Record<Language, Record<string, string>> = {
  en: {},
  'zh-CN': { messaging: '即时消息', meetings: '视频会议', docs: '在线文档' },
};

const LEVELS = ['normal', 'watch', 'surge', 'critical'] as const;

export function serviceName(language: Language, name: string, displayName: string): string {
  return SERVICE_NAMES[language][name] ?? displayName;
}

export function levelName(t: Translate, level: string): string {
  const known = LEVELS.find((l) => l === level);
  return known === undefined ? level : t(`level.${known}` satisfies MessageKey);
}
