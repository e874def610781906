import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language.js';

describe('pickLanguage', () => {
  it.each([
    ['zh-CN', undefined, 'zh-CN'],
    ['zh-cn', 'en', 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['fr', 'zh-CN,en;q=0.5', 'zh-CN'],
    [undefined, 'zh-Hans-CN,zh;q=0.9', 'zh-CN'],
    [undefined, 'zh-TW', 'zh-CN'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'en;q=0.3, zh-CN;q=0.8', 'zh-CN'],
    [undefined, 'zh-CN;q=0, en', 'en'],
    [undefined, 'fr-FR, *;q=0.1', 'zh-CN'],
    [undefined, undefined, 'zh-CN'],
  ] as const)('?lang=%s with Accept-Language %s picks %s', (query, accept, expected) => {
    expect(pickLanguage(query, accept, 'zh-CN')).toBe(expected);
  });
});
