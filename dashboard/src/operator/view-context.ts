/** What every operator view needs to turn data into text: the language and the scenario's time zone. */
import type { Language } from '../api/api-types.js';
import type { Translate } from '../i18n/translate.js';
import { formatDuration, formatTime, type TimeStyle } from '../time/format-time.js';

export interface ViewContext {
  language: Language;
  timeZone: string;
  t: Translate;
}

export function timeText(ctx: ViewContext, value: string | number | null, style: TimeStyle = 'time'): string {
  return value === null ? ctx.t('card.none') : formatTime(value, ctx.timeZone, ctx.language, style) || ctx.t('card.none');
}

export function durationText(ctx: ViewContext, ms: number | null): string {
  return ms === null ? ctx.t('notice.unknown') : formatDuration(ms, ctx.language);
}

/** Plan level names are plan-defined; they are shown as written, with the tone carrying severity. */
export function stageText(ctx: ViewContext, stage: string): string {
  switch (stage) {
    case 'investigating':
    case 'identified':
    case 'monitoring':
    case 'resolved':
      return ctx.t(`stage.${stage}`);
    default:
      return stage;
  }
}
