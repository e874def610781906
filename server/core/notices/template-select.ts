import type { IncidentStage, Language, NoticeConfig, NoticeText } from '../plan/types.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

/**
 * The template for (level, stage): the level's own, else the nearest lower level that has
 * one for the stage, else the nearest higher, else the built-in text. A plan may write
 * templates only for its lowest incident level and have them cover every level above.
 */
export function selectTemplate(
  templates: NoticeConfig['templates'],
  levels: readonly string[],
  level: string,
  stage: IncidentStage,
): Record<Language, NoticeText> {
  const at = levels.indexOf(level);
  const own = templates[level]?.[stage];
  if (own) return own;
  for (let i = at - 1; i >= 0; i--) {
    const lower = templates[levels[i] ?? '']?.[stage];
    if (lower) return lower;
  }
  for (let i = at + 1; i < levels.length; i++) {
    const higher = templates[levels[i] ?? '']?.[stage];
    if (higher) return higher;
  }
  return DEFAULT_TEMPLATES[stage];
}
