import { describe, expect, it } from 'vitest';
import { statusFixture } from '../../test/schemas/status-fixture.js';
import { renderIncidentPage } from './incident-page.js';
import { buildIncident } from './incidents.js';

describe('the incident page', () => {
  const input = statusFixture();
  const incident = input.incidents[0]!;

  it('shows every update newest first, escaped, in the page time zone', () => {
    const sp = buildIncident(input, incident, 'en');
    const html = renderIncidentPage(sp, input.page.timeZone, 'en');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<b>not bold<\/b>/);
    expect(html).toContain('GMT+8');
    const shown = [...html.matchAll(/<span class="stage">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(shown).toHaveLength(sp.incident_updates.length);
    expect(html).toContain('href="/status"');
  });

  it('speaks the language asked for', () => {
    const html = renderIncidentPage(buildIncident(input, incident, 'zh-CN'), input.page.timeZone, 'zh-CN');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('更新记录');
  });
});
