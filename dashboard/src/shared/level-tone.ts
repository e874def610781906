/** A level's colour family by its position in the plan's severity order (never by colour alone: the level is always written out too). */
export type LevelTone = 'ok' | 'elevated' | 'high' | 'critical';

const RAISED: readonly LevelTone[] = ['elevated', 'high', 'critical'];

export function levelTone(level: string, levels: readonly string[]): LevelTone {
  const rank = levels.indexOf(level);
  if (rank <= 0 || levels.length < 2) return 'ok';
  const index = Math.ceil((rank / (levels.length - 1)) * RAISED.length) - 1;
  return RAISED[Math.min(RAISED.length - 1, Math.max(0, index))] ?? 'critical';
}
