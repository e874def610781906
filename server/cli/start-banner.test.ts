import { describe, expect, test } from 'vitest';
import { startBanner } from './start-banner.js';

const base = { url: 'http://127.0.0.1:8080', planName: 'default', planPath: 'scenarios/plans/default.yaml' };

describe('the start-up banner', () => {
  test('a first start shows the URLs, the new admin token and the next step', () => {
    const text = startBanner({ ...base, admin: { kind: 'created', created: { token: 'fc_admin_abc', tokenId: 't1', role: 'admin', name: 'first admin' } } });
    expect(text).toContain('Dashboard     http://127.0.0.1:8080/');
    expect(text).toContain('Status page   http://127.0.0.1:8080/status');
    expect(text).toContain('Admin token   fc_admin_abc');
    expect(text).toMatch(/Next: open the dashboard, paste the admin token/);
  });

  test('a restart says where the token went and how to get a new one', () => {
    const text = startBanner({ ...base, admin: { kind: 'existing' } });
    expect(text).toContain('flashcrowd token create --role admin');
    expect(text).not.toContain('fc_admin_');
  });

  test('a token from the environment is named by its variable, never printed', () => {
    expect(startBanner({ ...base, admin: { kind: 'given', tokenId: 't1' } })).toContain('FLASHCROWD_ADMIN_TOKEN');
  });
});
