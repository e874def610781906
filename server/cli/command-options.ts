/**
 * How every store command starts: its options (always with --data-dir and --help) parsed
 * strictly, --help answered with the usage, a bad option refused with the usage, and each
 * required string option checked present. The caller gets the values, or the exit status to
 * end with (0 after --help, 2 for a usage error).
 */
import { parseArgs } from 'node:util';
import type { CliIo } from './io.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

export interface CommandOptions<R extends string> {
  /** as the user typed it, for messages: 'backup', 'token create' */
  command: string;
  usage: string;
  options: OptionSpec;
  /** string options that must be given, each with what it expects */
  required?: Record<R, string>;
}

export type ParsedOptions<R extends string> =
  | { exit: null; values: Record<string, string | boolean | undefined>; required: Record<R, string>; dataDir: string | undefined }
  | { exit: number };

export function parseCommand<R extends string = never>(args: string[], io: CliIo, spec: CommandOptions<R>): ParsedOptions<R> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options: { ...spec.options, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (e) {
    io.err(`flashcrowd ${spec.command}: ${(e as Error).message}`);
    io.err(spec.usage);
    return { exit: 2 };
  }
  if (values['help']) {
    io.out(spec.usage);
    return { exit: 0 };
  }
  const required = {} as Record<R, string>;
  for (const [name, expected] of Object.entries(spec.required ?? {}) as [R, string][]) {
    const value = values[name];
    if (typeof value !== 'string' || value === '') {
      io.err(`flashcrowd ${spec.command}: --${name}: ${expected}`);
      return { exit: 2 };
    }
    required[name] = value;
  }
  const dataDir = values['data-dir'];
  return { exit: null, values, required, dataDir: typeof dataDir === 'string' ? dataDir : undefined };
}

/** A command with one subcommand (`audit verify`, `token create`): the subcommand checked, then its options as above. */
export function parseSubcommand<R extends string = never>(args: string[], io: CliIo, spec: CommandOptions<R> & { subcommand: string }): ParsedOptions<R> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(spec.usage);
    return { exit: 0 };
  }
  if (sub !== spec.subcommand) {
    io.err(sub ? `flashcrowd ${spec.command}: unknown subcommand "${sub}"` : `flashcrowd ${spec.command}: a subcommand is required`);
    io.err(spec.usage);
    return { exit: 2 };
  }
  return parseCommand(rest, io, { ...spec, command: `${spec.command} ${sub}` });
}
