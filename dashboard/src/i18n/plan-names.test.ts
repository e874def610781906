import { describe, expect, test } from 'vitest';
import { levelName, serviceName } from './plan-names.js';
import { translator } from './translate.js';

describe('plan names in the page language', () => {
  test('services take the plan\'s name for the language, levels the built-in names; others shown as written', () => {
    const meetings = { displayName: 'Video meetings', displayNames: { en: 'Video meetings', 'zh-CN': '视频会议' } };
    expect(serviceName('zh-CN', meetings)).toBe('视频会议');
    expect(serviceName('en', meetings)).toBe('Video meetings');
    expect(serviceName('zh-CN', { displayName: 'Billing' })).toBe('Billing');
    expect(levelName(translator('zh-CN'), 'critical')).toBe('严重');
    expect(levelName(translator('zh-CN'), 'sev1')).toBe('sev1');
  });
});
