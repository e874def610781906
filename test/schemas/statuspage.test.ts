import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STAGES } from '../../server/core/plan/types.js';
import type { Language } from '../../server/core/plan/types.js';
import type { StatusInput } from '../../server/status/status-input.js';
import { buildComponents, buildIncidents, buildStatus, buildSummary, buildUnresolved } from '../../server/status/statuspage.js';
import { statusFixture } from './status-fixture.js';

const load = (name: string): object => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: true });
formats.default(ajv);
ajv.addSchema(load('statuspage-common.json'));
const schema = (name: string) => ajv.compile(load(`statuspage-${name}.json`));

const validators = {
  summary: schema('summary'),
  status: schema('status'),
  components: schema('components'),
  incidents: schema('incidents'),
  unresolved: schema('incidents-unresolved'),
  update: schema('flashcrowd-update'),
};

const documents = (input: StatusInput, language: Language) => ({
  summary: buildSummary(input, language),
  status: buildStatus(input, language),
  components: buildComponents(input, 'en'),
  incidents: buildIncidents(input, language),
  unresolved: buildUnresolved(input, language),
});

function expectValid(name: keyof typeof validators, doc: unknown): void {
  const validate = validators[name];
  expect(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

function expectAllValid(input: StatusInput, language: Language): void {
  const docs = documents(input, language);
  for (const [name, doc] of Object.entries(docs)) expectValid(name as keyof typeof docs, doc);
  for (const update of docs.incidents.incidents.flatMap((i) => i.incident_updates)) expectValid('update', update);
}

describe('Statuspage v2 documents against schemas written from Atlassian documentation', () => {
  it.each(['en', 'zh-CN'] as const)('every endpoint validates in %s', (language) => {
    expectAllValid(statusFixture(), language);
  });

  it('the schemas bite: a wrong enum, a missing field and a bad time are refused', () => {
    const status = buildStatus(statusFixture(), 'en');
    expect(validators.status({ ...status, status: { ...status.status, indicator: 'red' } })).toBe(false);
    const { components, page } = buildComponents(statusFixture(), 'en');
    const [first, ...rest] = components;
    const { only_show_if_degraded: _dropped, ...withoutField } = first!;
    expect(validators.components({ page, components: [withoutField, ...rest] })).toBe(false);
    expect(validators.components({ page: { ...page, updated_at: 'yesterday' }, components })).toBe(false);
    const incidents = buildIncidents(statusFixture(), 'en');
    expect(validators.unresolved(incidents)).toBe(false);
  });

  const stage = fc.constantFrom(...INCIDENT_STAGES);
  const level = fc.constantFrom('normal', 'elevated', 'surge', 'overload', 'unknown');
  test.prop([fc.array(level, { minLength: 2, maxLength: 2 }), fc.array(fc.tuple(stage, level), { maxLength: 8 }), fc.constantFrom<Language>('en', 'zh-CN')])(
    'any levels and stages still give valid documents',
    (serviceLevels, incidents, language) => {
      const base = statusFixture();
      const template = base.incidents[1]!;
      const input: StatusInput = {
        ...base,
        services: base.services.map((s, i) => ({ ...s, level: serviceLevels[i] ?? 'normal' })),
        incidents: incidents.map(([st, lv], i) => ({
          ...template,
          id: `inc-${i}`,
          stage: st,
          level: lv,
          resolvedAt: st === 'resolved' ? template.updatedAt : null,
          notices: template.notices.map((n) => ({ ...n, id: `${n.id}-${i}`, incidentId: `inc-${i}`, stage: st, level: lv })),
        })),
      };
      expectAllValid(input, language);
    },
  );
});
