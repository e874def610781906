/** `flashcrowd validate FILE...`: checks contingency plans and prints every error, editor-style. */
import { formatError, type FlashcrowdError } from '../core/errors.js';
import { loadPlan } from '../plan-file.js';
import type { CliIo } from './io.js';

export const VALIDATE_USAGE = `usage: flashcrowd validate [--] FILE...

Checks contingency plans (YAML, at most 1 MiB each) against the plan schema and its rules.
Prints "FILE: ok (N services: ...)" or one "file:line:column: field: message" line per error;
warnings ("file:line:column: field: warning: ...") point at things that work but are likely
mistakes, such as a notice cause written in one language only.

options:
  --help, -h  show this help
  --          every argument after it is a file, even one starting with -

exit status: 0 every file is valid (warnings or not), 1 any has errors, 2 wrong usage`;

/** The exit status: 0 all valid, 1 errors found, 2 wrong usage. */
export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const dashDash = args.indexOf('--');
  const options = dashDash === -1 ? args : args.slice(0, dashDash);
  const files = dashDash === -1 ? args.filter((a) => !a.startsWith('-')) : [...options.filter((a) => !a.startsWith('-')), ...args.slice(dashDash + 1)];
  if (options.includes('--help') || options.includes('-h')) {
    io.out(VALIDATE_USAGE);
    return 0;
  }
  const unknown = options.find((a) => a.startsWith('-'));
  if (unknown !== undefined || files.length === 0) {
    io.err(unknown === undefined ? 'flashcrowd validate: name at least one plan file' : `flashcrowd validate: unknown option ${JSON.stringify(unknown)} (write -- before a file whose name starts with -)`);
    io.err(VALIDATE_USAGE);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    const warnings: FlashcrowdError[] = [];
    const result = await loadPlan(file, { warnings });
    if (result.ok) {
      const names = Object.keys(result.value.services);
      io.out(`${file}: ok (${names.length} service${names.length === 1 ? '' : 's'}: ${names.join(', ')})`);
      for (const warning of warnings) io.err(formatError({ ...warning, message: `warning: ${warning.message}` }));
    } else {
      status = 1;
      for (const error of result.errors) io.err(formatError(error));
    }
  }
  return status;
}
