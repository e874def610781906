/**
 * Notices: cause, cadence, the level that opens an incident, and templates merged over the
 * built-in ones, checked for unknown placeholders and for gaps at levels that publish.
 */
import { DEFAULT_CAUSE, defaultTemplatesFor, PLACEHOLDER_NAMES, type LevelTemplates } from './default-templates.js';
import { didYouMean } from './did-you-mean.js';
import { SERVICE_DEFAULTS as D, secondsOr } from './plan-defaults.js';
import type { ServiceDocument } from './schema-service.js';
import { checkLevel, type ServiceContext } from './service-context.js';
import { serviceKind } from './service-kind.js';
import { INCIDENT_STAGES, LANGUAGES, type IncidentStage, type Language, type NoticeConfig, type NoticeText } from './types.js';

type Notices = NonNullable<ServiceDocument['notices']>;
type Written = NonNullable<Notices['templates']>;

function checkPlaceholders(templates: Written, context: ServiceContext): void {
  const known = PLACEHOLDER_NAMES.map((name) => `{${name}}`);
  for (const [level, stages] of Object.entries(templates)) {
    for (const [stage, languages] of Object.entries(stages)) {
      for (const [language, text] of Object.entries(languages ?? {})) {
        for (const part of ['title', 'body'] as const) {
          for (const [placeholder] of (text?.[part] ?? '').matchAll(/\{[^{}\s]*\}/g)) {
            if (known.includes(placeholder)) continue;
            context.report('plan.placeholder', ['notices', 'templates', level, stage, language, part],
              `unknown placeholder "${placeholder}"${didYouMean(placeholder, known)} (placeholders: ${known.join(' ')})`);
          }
        }
      }
    }
  }
}

type BuiltIn = Record<string, LevelTemplates>;

function textFor(written: Written, builtIn: BuiltIn, level: string, stage: IncidentStage, language: Language): NoticeText | undefined {
  const own = written[level]?.[stage]?.[language];
  return own ? { ...own } : builtIn[level]?.[stage][language];
}

function mergeTemplates(written: Written, builtIn: BuiltIn, openAt: string, context: ServiceContext): NoticeConfig['templates'] {
  const templates: NoticeConfig['templates'] = {};
  const publishing = context.levels.slice(context.levels.indexOf(openAt));
  for (const level of context.levels.slice(1)) {
    const stages: NoticeConfig['templates'][string] = {};
    const missing: string[] = [];
    for (const stage of INCIDENT_STAGES) {
      const en = textFor(written, builtIn, level, stage, 'en');
      const zh = textFor(written, builtIn, level, stage, 'zh-CN');
      if (en && zh) stages[stage] = { en, 'zh-CN': zh };
      for (const language of LANGUAGES) if (!textFor(written, builtIn, level, stage, language)) missing.push(`${stage}.${language}`);
    }
    templates[level] = stages;
    if (publishing.includes(level) && missing.length > 0) {
      context.report('plan.template', written[level] ? ['notices', 'templates', level] : ['notices'],
        `level "${level}" publishes notices (openAt is "${openAt}") but has no template, and no built-in one, for ${missing.join(', ')}`);
    }
  }
  return templates;
}

export function compileNotices(doc: ServiceDocument, context: ServiceContext): NoticeConfig {
  const notices = doc.notices ?? {};
  const written = notices.templates ?? {};
  for (const level of Object.keys(written)) checkLevel(context, ['notices', 'templates', level], level, 'a template', { key: true });
  checkPlaceholders(written, context);
  // the first level above normal is usually an internal early warning, so incidents open one higher
  const openAt = notices.openAt ?? context.levels[2] ?? context.levels[1] ?? 'normal';
  const openAtKnown = checkLevel(context, ['notices', 'openAt'], openAt, 'openAt');
  return {
    templates: openAtKnown ? mergeTemplates(written, defaultTemplatesFor(serviceKind(doc.kind, context.name)), openAt, context) : {},
    cause: { en: notices.cause?.en ?? DEFAULT_CAUSE.en, 'zh-CN': notices.cause?.['zh-CN'] ?? DEFAULT_CAUSE['zh-CN'] },
    updateEverySeconds: secondsOr(notices.updateEvery, D.updateEverySeconds),
    minStageSeconds: secondsOr(notices.minStage, D.minStageSeconds),
    openAtLevel: openAt,
  };
}
