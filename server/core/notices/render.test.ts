import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatDelay, formatLocalTime, renderNotice, selectTemplate, DEFAULT_TEMPLATES, type NoticeValues } from './index.js';

const T = Date.parse('2020-02-03T09:05:00+08:00');
const values: NoticeValues = {
  service: 'Meetings',
  cause: { en: 'everyone starting work from home at once', 'zh-CN': '大量企业同时远程开工' },
  multiple: 8.2,
  expectedDelayMs: 3400,
  expectedRecoveryAt: Date.parse('2020-02-03T09:42:00+08:00'),
  nextUpdateAt: Date.parse('2020-02-03T09:15:00+08:00'),
  level: 'surge',
  t: T,
};
const template = {
  title: '{service}: {level}',
  body: '{cause}, {multiple}× normal, delay {delay}, recovery {recovery}, next update {nextUpdate}, {unknown}',
};

describe('renderNotice', () => {
  it('renders English', () => {
    expect(renderNotice(template, values, 'en', 'Asia/Shanghai')).toEqual({
      title: 'Meetings: surge',
      body: 'everyone starting work from home at once, 8.2× normal, delay about 3 seconds, recovery 09:42 CST, next update 09:15 CST, {unknown}',
    });
  });

  it('renders Simplified Chinese', () => {
    expect(renderNotice(template, values, 'zh-CN', 'Asia/Shanghai').body).toBe(
      '大量企业同时远程开工, 8.2× normal, delay 约 3 秒, recovery 09:42（北京时间）, next update 09:15（北京时间）, {unknown}',
    );
  });

  it('names the day when recovery is not today, and says when it is unknown', () => {
    const tomorrow = { ...values, expectedRecoveryAt: Date.parse('2020-02-04T01:30:00+08:00') };
    expect(renderNotice({ title: '', body: '{recovery}' }, tomorrow, 'en', 'Asia/Shanghai').body).toBe('Feb 4, 01:30 CST');
    expect(renderNotice({ title: '', body: '{recovery}' }, tomorrow, 'zh-CN', 'Asia/Shanghai').body).toBe('2月4日 01:30（北京时间）');
    const unknown = { ...values, expectedRecoveryAt: null, nextUpdateAt: null };
    expect(renderNotice({ title: '', body: '{recovery}|{nextUpdate}' }, unknown, 'en', 'UTC').body).toBe('not yet known|no further updates');
    expect(renderNotice({ title: '', body: '{recovery}|{nextUpdate}' }, unknown, 'zh-CN', 'UTC').body).toBe('暂无法预估|不再另行通知');
  });

  it('uses the plan time zone', () => {
    expect(formatLocalTime(values.expectedRecoveryAt as number, T, 'en', 'UTC')).toBe('01:42 UTC');
    expect(formatLocalTime(values.expectedRecoveryAt as number, T, 'en', 'America/New_York')).toBe('20:42 EST');
    expect(formatLocalTime(values.expectedRecoveryAt as number, T + 6 * 3_600_000, 'en', 'America/New_York')).toBe('Feb 2, 20:42 EST');
  });
});

describe('formatDelay', () => {
  it.each([
    [0, 'under a second', '不到 1 秒'],
    [999, 'under a second', '不到 1 秒'],
    [1000, 'about 1 second', '约 1 秒'],
    [3400, 'about 3 seconds', '约 3 秒'],
    [59_400, 'about 59 seconds', '约 59 秒'],
    [59_600, 'about 1 minute', '约 1 分钟'],
    [150_000, 'about 3 minutes', '约 3 分钟'],
    [7_200_000, 'about 2 hours', '约 2 小时'],
  ])('%i ms', (ms, en, zh) => {
    expect(formatDelay(ms, 'en')).toBe(en);
    expect(formatDelay(ms, 'zh-CN')).toBe(zh);
  });

  test.prop([fc.double({ min: -1e9, max: 1e9, noNaN: true })])('always says something', (ms) => {
    expect(formatDelay(ms, 'en')).toMatch(/^(under a second|about \d+ (second|minute|hour)s?)$/);
  });
});

describe('selectTemplate', () => {
  const levels = ['normal', 'elevated', 'surge', 'critical'];
  const t = (title: string) => ({ en: { title, body: '' }, 'zh-CN': { title, body: '' } });

  it('prefers the level, then lower levels, then higher levels, then the built-in text', () => {
    const templates = { elevated: { investigating: t('elevated') }, critical: { monitoring: t('critical') } };
    expect(selectTemplate(templates, levels, 'elevated', 'investigating').en.title).toBe('elevated');
    expect(selectTemplate(templates, levels, 'critical', 'investigating').en.title).toBe('elevated');
    expect(selectTemplate(templates, levels, 'surge', 'monitoring').en.title).toBe('critical');
    expect(selectTemplate(templates, levels, 'surge', 'resolved')).toBe(DEFAULT_TEMPLATES.resolved);
  });

  it('built-in templates render every number in both languages', () => {
    for (const stage of ['investigating', 'identified', 'monitoring', 'resolved'] as const) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = renderNotice(DEFAULT_TEMPLATES[stage][lang], values, lang, 'Asia/Shanghai');
        expect(text.body).not.toMatch(/\{\w+\}/);
        expect(text.body).toContain('8.2');
        expect(text.body).toContain(values.cause[lang]);
      }
    }
  });
});
