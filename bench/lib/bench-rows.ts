/**
 * One row per figure, the same shape in every benchmark, so `npm run bench` can print one
 * table and write bench/results.json. `ratio` is ours / peer; each goal states which way it
 * points, and `met` is computed here from it, never typed in.
 */
import { writeFileSync } from 'node:fs';

export interface BenchRow {
  figure: string;
  /** what is measured, e.g. 'req/s', 'samples/s', 'ms' */
  unit: string;
  ours: number;
  peer: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

export type Goal =
  | { kind: 'ratio-at-least'; value: number }
  | { kind: 'ratio-at-most'; value: number }
  | { kind: 'ours-at-most'; value: number }
  | { kind: 'none' };

function describe(goal: Goal, unit: string): string {
  switch (goal.kind) {
    case 'ratio-at-least':
      return `ratio >= ${goal.value}`;
    case 'ratio-at-most':
      return `ratio <= ${goal.value}`;
    case 'ours-at-most':
      return `<= ${goal.value} ${unit}`;
    case 'none':
      return '(for information)';
  }
}

export function benchRow(figure: string, unit: string, ours: number, peer: number | null, goal: Goal): BenchRow {
  const ratio = peer !== null && peer > 0 ? ours / peer : null;
  let met: boolean | null = null;
  if (goal.kind === 'ratio-at-least' && ratio !== null) met = ratio >= goal.value;
  if (goal.kind === 'ratio-at-most' && ratio !== null) met = ratio <= goal.value;
  if (goal.kind === 'ours-at-most') met = ours <= goal.value;
  return { figure, unit, ours, peer, ratio, goal: describe(goal, unit), met };
}

/** A benchmark run by `npm run bench` gets `--rows FILE` and leaves its rows there. */
export function writeRows(file: string | undefined, rows: readonly BenchRow[]): void {
  if (file) writeFileSync(file, JSON.stringify(rows));
}

const number = (n: number): string => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(n >= 10 ? 1 : 2));

export function rowCells(r: BenchRow): string[] {
  return [
    r.figure,
    `${number(r.ours)} ${r.unit}`,
    r.peer === null ? '-' : `${number(r.peer)} ${r.unit}`,
    r.ratio === null ? '-' : r.ratio.toFixed(2),
    r.goal,
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
  ];
}

export const ROW_HEADER = ['figure', 'ours', 'peer', 'ratio', 'goal', 'met'];
