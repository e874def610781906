/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies); series that
 * share a chart also differ by dash pattern, so colour is never the only cue.
 */
export const PALETTE = {
  blue: '#0072B2',
  sky: '#56B4E9',
  green: '#009E73',
  orange: '#E69F00',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#7A7A7A',
  ink: '#1F1F1F',
  mark: '#B00020',
} as const;

export function translucent(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
