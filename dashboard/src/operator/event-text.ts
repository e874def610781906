/**
 * One engine event as a short sentence in the page's language. The engine's own `message`
 * is English prose for logs and the report; the dashboard builds its line from the type and
 * the event's data instead, so no English and no raw codes reach a Chinese page.
 */
import type { EngineEvent } from '../api/api-types.js';
import { levelName } from '../i18n/plan-names.js';
import type { MessageKey } from '../i18n/translate.js';
import { stageText, type ViewContext } from './view-context.js';

const REASONS = [
  'LevelEntered', 'StepRuleRepeated', 'TargetTracking', 'WithinTolerance', 'ScaleUpLimit', 'ScaleDownLimit', 'TooManyServers',
  'TooFewServers', 'ForecastDemand', 'StabilisationWindow', 'Cooldown', 'ScaleIn', 'ScalingDisabled', 'NoReadyServers',
] as const;

function num(ctx: ViewContext, value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? new Intl.NumberFormat(ctx.language, { maximumFractionDigits: 0 }).format(value) : '?';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A service's server limits, to say what a manual scale outside them really did. */
export type ServerLimits = ReadonlyMap<string, { minServers: number; maxServers: number }>;

function manualScaleText(event: EngineEvent, ctx: ViewContext, limits: ServerLimits): string {
  const desired = event.data?.desired;
  const limit = limits.get(event.service);
  if (typeof desired !== 'number' || limit === undefined) return ctx.t('event.manual:scale', { desired: num(ctx, desired) });
  const applied = Math.min(limit.maxServers, Math.max(limit.minServers, desired));
  if (applied === desired) return ctx.t('event.manual:scale', { desired: num(ctx, desired) });
  return ctx.t('event.manualScaleClamped', { applied: num(ctx, applied), desired: num(ctx, desired), min: num(ctx, limit.minServers), max: num(ctx, limit.maxServers) });
}

export function eventText(event: EngineEvent, ctx: ViewContext, limits: ServerLimits = new Map()): string {
  const { t } = ctx;
  const d = event.data ?? {};
  // "1 servers" reads wrong: server events have a singular form
  const one = event.type.startsWith('servers:') && d.count === 1;
  const key = (one ? `event.${event.type}.one` : `event.${event.type}`) as MessageKey;
  switch (event.type) {
    case 'trigger:pending':
    case 'trigger:firing':
    case 'trigger:clearing':
    case 'trigger:resolved':
      return t(key, { level: levelName(t, str(d.level)) });
    case 'level:changed':
      return t(key, { from: levelName(t, str(d.from)), to: levelName(t, str(d.to)) });
    case 'scale:decision':
      return t(key, { current: num(ctx, d.current), desired: num(ctx, d.desired) });
    case 'servers:ready':
      return t(key, { count: num(ctx, d.count), active: num(ctx, d.active) });
    case 'throttle:started':
      return t(key, { rps: num(ctx, d.throttledRps) });
    case 'drop:started':
      return t(key, { rps: num(ctx, d.droppedRps) });
    case 'incident:opened':
    case 'incident:updated':
      return t(key, { stage: stageText(ctx, str(d.stage)) });
    case 'manual:scale':
      return manualScaleText(event, ctx, limits);
    default:
      return t(key, { count: num(ctx, d.count) });
  }
}

/** The decision's reason in words; null for events that are not decisions. */
export function reasonText(event: EngineEvent, ctx: ViewContext): string | null {
  if (event.type !== 'scale:decision' || event.reason === undefined) return null;
  const known = REASONS.find((r) => r === event.reason);
  return known === undefined ? ctx.t('reason.other') : ctx.t(`reason.${known}`);
}
