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

  it('gives a delay and a recovery time only while users are affected, and no next update once resolved', () => {
    const statuses = new Set<string>();
    for (const each of input.incidents) {
      const sp = buildIncident(input, each, 'en');
      const html = renderIncidentPage(sp, input.page.timeZone, 'en');
      const sections = [...html.matchAll(/<section class="update">.*?<\/section>/g)].map((m) => m[0]);
      expect(sections).toHaveLength(sp.incident_updates.length);
      sp.incident_updates.forEach((u, i) => {
        statuses.add(u.status);
        const section = sections[i] ?? '';
        expect(section.includes('Expected recovery'), u.status).toBe(u.status !== 'monitoring' && u.status !== 'resolved');
        expect(section.includes('Expected delay'), u.status).toBe(u.status !== 'monitoring' && u.status !== 'resolved');
        expect(section.includes('Next update'), u.status).toBe(u.status !== 'resolved');
      });
    }
    expect([...statuses].sort()).toEqual(['identified', 'investigating', 'monitoring', 'resolved']);
  });

  it('gives neither on a precaution: users were fine and the forecast saw them stay fine', () => {
    const first = incident.notices[0]!;
    const precaution = { ...incident, notices: [{ ...first, stage: 'investigating' as const, expectedDelayMs: 0, expectedRecoveryAt: null, precautionary: true as const }] };
    const sp = buildIncident(input, precaution, 'en');
    expect(sp.incident_updates[0]?.precautionary).toBe(true);
    const html = renderIncidentPage(sp, input.page.timeZone, 'en');
    expect(html).not.toContain('Expected delay');
    expect(html).not.toContain('Expected recovery');
    expect(html).toContain('Next update');
  });
});
