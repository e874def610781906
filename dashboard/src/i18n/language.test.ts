import { describe, expect, test } from 'vitest';
import { matchLanguage, pickLanguage } from './language.js';

describe('language selection', () => {
  test.each([
    [{ query: 'zh-CN', stored: 'en', browser: ['en-US'] }, 'zh-CN'],
    [{ query: null, stored: 'zh-CN', browser: ['en-US'] }, 'zh-CN'],
    [{ query: 'fr', stored: null, browser: ['fr-FR', 'zh-TW', 'en'] }, 'zh-CN'],
    [{ query: null, stored: 'garbage', browser: ['en-GB'] }, 'en'],
    [{ query: null, stored: null, browser: ['de-DE', 'ja'] }, 'en'],
    [{ query: null, stored: null, browser: [] }, 'en'],
  ])('%o -> %s', (sources, expected) => {
    expect(pickLanguage(sources)).toBe(expected);
  });

  test('matches tags case-insensitively and by prefix only at a subtag boundary', () => {
    expect(matchLanguage('ZH-hans-CN')).toBe('zh-CN');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('EN')).toBe('en');
    expect(matchLanguage('eng')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });
});
