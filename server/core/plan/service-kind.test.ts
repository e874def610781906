import { describe, expect, test } from 'vitest';
import { parsePlan } from './parse.js';

const plan = (services: string): string => `name: kinds\nservices:\n${services}`;
const service = (key: string, kind?: string): string =>
  `  ${key}:\n${kind ? `    kind: ${kind}\n` : ''}    capacity: { rpsPerServer: 100, maxServers: 10 }\n`;

function surgeText(text: string, key: string): { en: string; zh: string } {
  const result = parsePlan(text, 'plan.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const investigating = result.value.services[key]?.notices.templates.surge?.investigating;
  return { en: investigating?.en.body ?? '', zh: investigating?.['zh-CN'].body ?? '' };
}

describe('built-in notices follow the kind of service', () => {
  test.each([
    ['messaging', 'Messages and notifications may take', '消息和通知可能'],
    ['meetings', 'Joining meetings, audio and video may take', '入会和音视频可能'],
    ['documents', 'Opening, editing and saving documents may take', '文档的打开、编辑和保存可能'],
    ['generic', 'Pages and actions may take', '页面和各项操作可能'],
  ])('kind: %s, in en and zh-CN', (kind, en, zh) => {
    const text = surgeText(plan(service('svc', kind)), 'svc');
    expect(text.en).toContain(en);
    expect(text.zh).toContain(zh);
  });

  test('without a kind it is read from the service key, else generic', () => {
    const text = plan(service('chat') + service('video-calls') + service('docs') + service('billing'));
    expect(surgeText(text, 'chat').en).toContain('Messages and notifications');
    expect(surgeText(text, 'video-calls').en).toContain('Joining meetings');
    expect(surgeText(text, 'docs').en).toContain('documents');
    expect(surgeText(text, 'billing').en).toContain('Pages and actions');
  });

  test('an unknown kind is refused naming the kinds', () => {
    const result = parsePlan(plan(service('svc', 'email')), 'plan.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 4, field: 'services.svc.kind', message: 'expected one of "messaging", "meetings", "documents" or "generic", got "email"' });
  });
});
