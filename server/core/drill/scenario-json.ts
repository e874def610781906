import { fail, ok, type FlashcrowdError, type Result } from '../errors.js';
import type { Scenario } from './scenario.js';
import { locateJsonValues } from './json-locate.js';
import { validateScenario, type FieldPath } from './scenario-validate.js';

/** A scenario from JSON text, validated; errors name the file, the field and, where found, the line. */
export function parseScenarioJson(text: string, file: string): Result<Scenario> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail({ code: 'scenario.json', message: `not valid JSON: ${(e as Error).message}`, file, ...syntaxPosition(text, (e as Error).message) });
  }
  const { scenario, problems } = validateScenario(value);
  if (scenario) return ok(scenario);
  const locate = fieldLocator(text, problems.map((p) => p.path));
  return fail(
    ...problems.map((p): FlashcrowdError => ({
      code: p.code,
      message: p.message,
      file,
      ...(p.path.length > 0 ? { field: fieldName(p.path) } : {}),
      ...locate(p.path),
    })),
  );
}

/**
 * The scenario as JSON: two-space indentation, with each service's samples wrapped
 * `perLine` to a line (an hour per line at one-minute steps), and a final newline.
 */
export function formatScenarioJson(s: Scenario, perLine = 60): string {
  const pad = (depth: number): string => '  '.repeat(depth);
  const field = (key: string, value: unknown): string => `${pad(1)}${JSON.stringify(key)}: ${indentAfterFirstLine(JSON.stringify(value, null, 2), 1)}`;
  const series = Object.entries(s.services).map(([name, samples]) => {
    const lines: string[] = [];
    for (let i = 0; i < samples.length; i += perLine) lines.push(`${pad(3)}${samples.slice(i, i + perLine).join(', ')}`);
    return `${pad(2)}${JSON.stringify(name)}: [\n${lines.join(',\n')}\n${pad(2)}]`;
  });
  const fields = [
    field('name', s.name),
    field('description', s.description),
    field('timezone', s.timezone),
    field('start', s.start),
    field('stepSeconds', s.stepSeconds),
    `${pad(1)}"services": {\n${series.join(',\n')}\n${pad(1)}}`,
    field('seed', s.seed),
    field('params', s.params),
  ];
  return `{\n${fields.join(',\n')}\n}\n`;
}

function indentAfterFirstLine(text: string, depth: number): string {
  return text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

function fieldName(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** JSON.parse reports "at position N" (Node 20) or "line L column C" (later versions). */
function syntaxPosition(text: string, message: string): { line: number; column: number } {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  // "Unexpected end of JSON input" names no position: the end is where more was expected
  const before = text.slice(0, position ? Number(position[1]) : text.length);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

/**
 * Finds where each problem's field is written; a field that is missing is placed at its
 * nearest existing parent. Positions are looked for only when there are errors to place.
 */
function fieldLocator(text: string, paths: readonly FieldPath[]): (path: FieldPath) => { line?: number; column?: number } {
  const prefixes = paths.flatMap((path) => path.map((_, depth) => path.slice(0, depth + 1)).concat([[]]));
  const offsetOf = locateJsonValues(text, prefixes);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const offset = offsetOf(path.slice(0, depth));
      if (offset !== undefined) return lineColumn(lineStarts, offset);
    }
    return {};
  };
}

function lineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
}
