import { describe, expect, it } from 'vitest';
import { renderNotice, type NoticeValues } from './index.js';
import { MONITORING_TEMPLATE, NOT_KNOWN_TEMPLATE, RISING_NOT_KNOWN_TEMPLATE } from './forecast-templates.js';

const at = (hhmm: string): number => Date.parse(`2020-02-03T${hhmm}:00+08:00`);
const base: NoticeValues = {
  service: 'Meetings',
  cause: { en: 'everyone starting work from home at once', 'zh-CN': '大量企业同时远程开工' },
  multiple: 8.2,
  expectedDelayMs: 3400,
  expectedRecoveryAt: at('09:40'),
  recoveryEarliestAt: at('09:25'),
  recoveryLatestAt: at('10:05'),
  nextUpdateAt: at('09:15'),
  level: 'surge',
  t: at('09:05'),
};
const template = { title: '{service}', body: 'back by {recovery}; from {earliest} to {latest}' };

describe('the recovery range in notices', () => {
  it('{recovery} carries the range, {earliest} and {latest} its ends, in both languages', () => {
    expect(renderNotice(template, base, 'en', 'Asia/Shanghai').body).toBe('back by 09:40 CST (between 09:25 CST and 10:05 CST); from 09:25 CST to 10:05 CST');
    expect(renderNotice(template, base, 'zh-CN', 'Asia/Shanghai').body).toBe('back by 09:40（北京时间）（09:25（北京时间）至10:05（北京时间）之间）; from 09:25（北京时间） to 10:05（北京时间）');
  });

  it('an open-ended range says it may be later if demand keeps rising', () => {
    const open = { ...base, recoveryLatestAt: null };
    expect(renderNotice(template, open, 'en', 'Asia/Shanghai').body).toContain('09:40 CST (09:25 CST at the earliest; later if demand keeps rising)');
  });

  it('a range that rounds to the point shows the point alone', () => {
    const tight = { ...base, recoveryEarliestAt: at('09:40'), recoveryLatestAt: at('09:40') };
    expect(renderNotice(template, tight, 'en', 'Asia/Shanghai').body).toMatch(/^back by 09:40 CST;/);
  });

  it('"not known yet" and "monitoring" texts name no recovery time, only the next update', () => {
    const unknown = { ...base, expectedRecoveryAt: null, recoveryEarliestAt: null, recoveryLatestAt: null };
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const t of [NOT_KNOWN_TEMPLATE, RISING_NOT_KNOWN_TEMPLATE, MONITORING_TEMPLATE]) {
        const body = renderNotice(t[lang], unknown, lang, 'Asia/Shanghai').body;
        expect(body).toContain(lang === 'en' ? '09:15 CST' : '09:15（北京时间）');
        expect(body).not.toMatch(/09:40|09:25|10:05|\{/);
      }
    }
  });
});
