import { describe, expect, test } from 'vitest';
import { LANGUAGES } from './language.js';
import { DICTIONARIES, fillPlaceholders, translator } from './translate.js';
import { EN } from './messages-en.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('dictionaries', () => {
  test('every key exists in every language, non-empty, with the same placeholders', () => {
    const keys = Object.keys(EN).sort();
    for (const language of LANGUAGES) {
      const dictionary: Record<string, string> = DICTIONARIES[language];
      expect(Object.keys(dictionary).sort()).toEqual(keys);
      for (const key of keys) {
        const text = dictionary[key] ?? '';
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(EN[key as keyof typeof EN]));
      }
    }
  });

  test('the Chinese dictionary is actually translated', () => {
    const same = Object.entries(DICTIONARIES['zh-CN']).filter(([key, text]) => text === EN[key as keyof typeof EN] && text !== '—');
    expect(same).toEqual([]);
  });

  test('fills placeholders and leaves unknown ones visible', () => {
    expect(fillPlaceholders('Updated {time} ({zone})', { time: '09:30' })).toBe('Updated 09:30 ({zone})');
    expect(translator('zh-CN')('conn.stale', { seconds: 12 })).toBe('已 12 秒无数据');
  });
});
