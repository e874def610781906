/** `flashcrowd validate FILE...`: checks contingency plans and prints every error, editor-style. */
import { formatError } from '../core/errors.js';
import { loadPlan } from '../plan-file.js';
import type { CliIo } from './io.js';

export const VALIDATE_USAGE = [
  'usage: flashcrowd validate FILE...',
  '',
  'Checks contingency plans (YAML) against the plan schema and its rules.',
  'Prints "FILE: ok (N services: ...)" or one "file:line:column: field: message" line per error.',
  'Exit status: 0 when every file is valid, 1 when any has errors, 2 on wrong usage.',
];

/** The exit status: 0 all valid, 1 errors found, 2 no file given. */
export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const files = args.filter((arg) => arg !== '--');
  if (files.length === 0 || files.some((arg) => arg === '-h' || arg === '--help')) {
    for (const line of VALIDATE_USAGE) io.err(line);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    const result = await loadPlan(file);
    if (result.ok) {
      const names = Object.keys(result.value.services);
      io.out(`${file}: ok (${names.length} service${names.length === 1 ? '' : 's'}: ${names.join(', ')})`);
    } else {
      status = 1;
      for (const error of result.errors) io.err(formatError(error));
    }
  }
  return status;
}
