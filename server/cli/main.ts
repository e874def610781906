import { formatError } from '../core/errors.js';
import { processIo, type CliIo } from './io.js';
import { REPLAY_USAGE, runReplay } from './replay.js';
import { TOKEN_USAGE } from './token-usage.js';
import { runValidate, VALIDATE_USAGE } from './validate.js';
import { packageVersion } from './version.js';

const USAGE = `usage: flashcrowd <command> [options]

commands:
  serve        run the drill server with its dashboard
  replay       replay a scenario offline against a plan and report
  validate     check contingency plans
  token        make an API token (ingest, operator, admin)
  backup       a consistent copy of the SQLite store, taken while the server runs
  restore      put a backup in place (stop the server first)
  audit        check that no audit log row was altered or deleted: flashcrowd audit verify
  help         show this help, or a command's: flashcrowd help replay

options:
  --help, -h   show help (also after any command: flashcrowd replay --help)
  --version    print the version

Times without an offset (2020-02-03T07:00) are read in the scenario's time zone.
exit status: 0 done, 1 a file or its content was refused (file:line:column: field: message), 2 wrong usage, 70 a bug in flashcrowd`;

const COMMAND_HELP: Record<string, () => Promise<string>> = {
  replay: async () => REPLAY_USAGE,
  validate: async () => VALIDATE_USAGE,
  token: async () => TOKEN_USAGE,
  serve: async () => (await import('./serve.js')).serveHelp(),
  backup: async () => (await import('./backup.js')).BACKUP_USAGE,
  restore: async () => (await import('./backup.js')).BACKUP_USAGE,
  audit: async () => (await import('./audit.js')).AUDIT_USAGE,
};

/** The flashcrowd command. Returns the exit code; never throws for bad input. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'replay':
        return await runReplay(rest, io);
      case 'validate':
        return await runValidate(rest, io);
      case 'serve':
        return await (await import('./serve.js')).runServe(rest, io);
      case 'token':
        return await (await import('./token.js')).runToken(rest, io);
      case 'backup':
        return await (await import('./backup.js')).runBackup(rest, io);
      case 'restore':
        return await (await import('./backup.js')).runRestore(rest, io);
      case 'audit':
        return await (await import('./audit.js')).runAudit(rest, io);
      case '--version':
      case '-v':
      case 'version':
        io.out(`flashcrowd ${packageVersion()}`);
        return 0;
      case 'help':
        return await help(rest[0], io);
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case undefined:
        io.err(USAGE);
        return 2;
      default:
        io.err(`flashcrowd: unknown command ${JSON.stringify(command)}`);
        io.err(USAGE);
        return 2;
    }
  } catch (e) {
    // only a bug gets here: user mistakes are error values; no stack for the person at the terminal
    io.err(formatError({ code: 'internal', message: `unexpected failure (a bug in flashcrowd ${packageVersion()}; please report it with the command you ran): ${e instanceof Error ? e.message : String(e)}` }));
    return 70;
  }
}

async function help(topic: string | undefined, io: CliIo): Promise<number> {
  if (topic === undefined) {
    io.out(USAGE);
    return 0;
  }
  const text = Object.hasOwn(COMMAND_HELP, topic) ? COMMAND_HELP[topic] : undefined;
  if (!text) {
    io.err(`flashcrowd help: unknown command ${JSON.stringify(topic)}; the commands are ${Object.keys(COMMAND_HELP).join(', ')}`);
    return 2;
  }
  io.out(await text());
  return 0;
}
