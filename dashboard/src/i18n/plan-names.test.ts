import { describe, expect, test } from 'vitest';
import { levelName, serviceName } from './plan-names.js';
import { translator } from './translate.js';

describe('plan names in the page language', () => {
  test('known services and levels are translated, unknown ones shown as written', () => {
    expect(serviceName('zh-CN', 'meetings', 'Video meetings')).toBe('视频会议');
    expect(serviceName('en', 'meetings', 'Video meetings')).toBe('Video meetings');
    expect(serviceName('zh-CN', 'billing', 'Billing')).toBe('Billing');
    expect(levelName(translator('zh-CN'), 'critical')).toBe('严重');
    expect(levelName(translator('zh-CN'), 'sev1')).toBe('sev1');
  });
});
