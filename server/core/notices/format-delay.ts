import type { Language } from '../plan/types.js';

const UNITS: Record<Language, { under: string; second: [string, string]; minute: [string, string]; hour: [string, string] }> = {
  en: {
    under: 'under a second',
    second: ['about {n} second', 'about {n} seconds'],
    minute: ['about {n} minute', 'about {n} minutes'],
    hour: ['about {n} hour', 'about {n} hours'],
  },
  'zh-CN': {
    under: '不到 1 秒',
    second: ['约 {n} 秒', '约 {n} 秒'],
    minute: ['约 {n} 分钟', '约 {n} 分钟'],
    hour: ['约 {n} 小时', '约 {n} 小时'],
  },
};

/** A delay as people say it: "about 3 seconds", "约 2 分钟", "under a second". */
export function formatDelay(ms: number, lang: Language): string {
  const units = UNITS[lang];
  if (!(ms >= 1000)) return units.under;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return plural(units.second, seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural(units.minute, minutes);
  return plural(units.hour, Math.round(minutes / 60));
}

function plural([one, many]: [string, string], n: number): string {
  return (n === 1 ? one : many).replace('{n}', String(n));
}
