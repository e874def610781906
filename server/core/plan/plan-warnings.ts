/**
 * Things a valid plan may hold that are most likely mistakes: worth a warning from
 * `flashcrowd validate`, never a refusal. A notice cause written in one language only leaves
 * the other language's notices naming the generic built-in cause.
 */
import type { FlashcrowdError } from '../errors.js';
import { fieldName, type FieldPath, type YamlSource } from './yaml-source.js';
import { DEFAULT_CAUSE } from './default-templates.js';
import { LANGUAGES } from './types.js';

type Cause = Partial<Record<string, unknown>> | undefined;

function causeAt(data: unknown, path: FieldPath): Cause {
  let node: unknown = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as Cause) : undefined;
}

export function planWarnings(source: YamlSource): FlashcrowdError[] {
  const warnings: FlashcrowdError[] = [];
  const data = source.data as { services?: Record<string, unknown> } | null;
  const defaultsCause = causeAt(data, ['defaults', 'notices', 'cause']);
  for (const service of Object.keys(data?.services ?? {})) {
    const ownPath = ['services', service, 'notices', 'cause'];
    const own = causeAt(data, ownPath);
    const given = (language: string): boolean => own?.[language] !== undefined || defaultsCause?.[language] !== undefined;
    if (!LANGUAGES.some(given)) continue;
    for (const language of LANGUAGES.filter((l) => !given(l))) {
      const writtenAt = own ? ownPath : ['defaults', 'notices', 'cause'];
      warnings.push({
        code: 'plan.cause-language',
        message: `service "${service}" names its cause in ${LANGUAGES.filter(given).join(', ')} but not in ${language}, so ${language} notices will say "${DEFAULT_CAUSE[language]}" instead; add ${language}: under notices.cause`,
        file: source.file,
        field: fieldName([...ownPath, language]),
        ...source.locate(writtenAt, { key: true }),
      });
    }
  }
  return warnings;
}
