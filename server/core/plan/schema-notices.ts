/** The schema of a service's user notices: cause, cadence and templates. */
import { Type } from '@sinclair/typebox';
import { duration, name, namedMap, TEXT_LIMITS } from './schema-primitives.js';

const PLACEHOLDER_HELP = 'Placeholders: {service} {cause} {multiple} {delay} {recovery} {nextUpdate} {level}.';

const NoticeTextSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.title, title: 'a notice title', description: `The headline. ${PLACEHOLDER_HELP}` }),
    body: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.body, title: 'a notice body', description: `The text: what users see, the cause, the expected delay, what is being done, when the next update comes. ${PLACEHOLDER_HELP}` }),
  },
  { additionalProperties: false, title: 'a notice {title, body}', description: 'One notice in one language.' },
);

const LanguagesSchema = Type.Object(
  { en: Type.Optional(NoticeTextSchema), 'zh-CN': Type.Optional(NoticeTextSchema) },
  { additionalProperties: false, title: 'notices per language {en, zh-CN}', description: 'The notice in English and Simplified Chinese; a missing language falls back to the built-in text.' },
);

const StagesSchema = Type.Object(
  {
    investigating: Type.Optional(LanguagesSchema),
    identified: Type.Optional(LanguagesSchema),
    monitoring: Type.Optional(LanguagesSchema),
    resolved: Type.Optional(LanguagesSchema),
  },
  { additionalProperties: false, title: 'notices per incident stage {investigating, identified, monitoring, resolved}', description: 'Templates for each stage of an incident.' },
);

export const NoticesSchema = Type.Object(
  {
    cause: Type.Optional(Type.Object(
      {
        en: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.sentence, title: 'a sentence', description: 'The cause in English, fitting "because of {cause}".' })),
        'zh-CN': Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.sentence, title: 'a sentence', description: 'The cause in Simplified Chinese, fitting "原因是{cause}".' })),
      },
      { additionalProperties: false, title: 'a cause {en, zh-CN}', description: 'The cause named in notices ({cause}). Default: an unusual surge in demand.' },
    )),
    updateEvery: Type.Optional(duration('Time between notice updates while an incident is open. Default 30m (Atlassian\'s suggested cadence).')),
    minStage: Type.Optional(duration('How long an incident stays in a stage (investigating, identified, monitoring) before it may move to another, so users are not sent a notice each time throttling flickers. Resolution is never held back. Default 2m.')),
    openAt: Type.Optional(name('The lowest level that opens an incident and publishes notices. Default: the second level (surge in the default levels), or the only one.')),
    templates: Type.Optional(namedMap(StagesSchema, 'Notice templates per level; anything left out falls back to the built-in templates.', 'a map from level to templates')),
  },
  { additionalProperties: false, title: 'notices {cause, updateEvery, minStage, openAt, templates}', description: 'What users are told while the service is in trouble.' },
);
