/**
 * A trace with one mistake repeated on every row (a timestamp format we do not read, a
 * stray unit after each rps) gets one line per kind of mistake naming the rows, not the
 * same sentence a thousand times.
 */
import type { FlashcrowdError } from '../errors.js';

/** Kinds of mistake listed before the rest are counted. */
export const MAX_CSV_ERRORS = 20;
/** Row ranges written out per kind before the rest are counted. */
const MAX_RANGES = 5;

/**
 * Errors of the same code, field, column and wording (quoted values and line references aside) become
 * one error at the first row: "lines 2-21 (20 rows): <the first row's message>".
 */
export function groupCsvErrors(errors: readonly FlashcrowdError[], file: string): FlashcrowdError[] {
  const groups = new Map<string, { first: FlashcrowdError; lines: number[] }>();
  for (const e of errors) {
    const key = `${e.code}\u0000${e.field ?? ''}\u0000${e.column ?? ''}\u0000${template(e.message)}`;
    const group = groups.get(key);
    if (group) group.lines.push(e.line ?? 0);
    else groups.set(key, { first: e, lines: [e.line ?? 0] });
  }
  const all = [...groups.values()];
  const grouped = all.slice(0, MAX_CSV_ERRORS).map(({ first, lines }) =>
    lines.length === 1 ? first : { ...first, message: `${describeLines(lines)}: ${first.message}` });
  const hidden = all.slice(MAX_CSV_ERRORS);
  if (hidden.length === 0) return grouped;
  const rows = hidden.reduce((n, g) => n + g.lines.length, 0);
  return [...grouped, { code: 'csv.more-errors', message: `${hidden.length} more kinds of error, in ${rows} rows, not shown; fix these and check again`, file }];
}

/** The wording of a message without the values it quotes (`"x"`) or the lines it points to ("(line 7)"). */
function template(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\(line \d+\)/g, '(line #)');
}

/** "lines 2-21, 30 (21 rows)", at most MAX_RANGES ranges written out. */
function describeLines(lines: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const line of [...lines].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && line <= last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  const shown = ranges.slice(0, MAX_RANGES).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`));
  const more = ranges.length > MAX_RANGES ? `, and ${ranges.length - MAX_RANGES} more ranges` : '';
  return `lines ${shown.join(', ')}${more} (${lines.length} rows)`;
}
