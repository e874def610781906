import { formatError } from '../core/errors.js';
import { processIo, type CliIo } from './io.js';
import { REPLAY_USAGE, runReplay } from './replay.js';
import { runValidate } from './validate.js';

const USAGE = `usage: flashcrowd <command> [options]

commands:
  serve                         run the drill server with its dashboard (see: flashcrowd serve --help)
  replay --scenario FILE ...    replay a scenario offline against a plan and report
  validate FILE...              check contingency plans
  token create --role ROLE      make an API token (ingest, operator, admin)
  backup --out FILE             a consistent copy of the SQLite store, taken while the server runs
  restore --from FILE           put a backup in place (stop the server first)
  audit verify                  check that no audit log row was altered or deleted

${REPLAY_USAGE}`;

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
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`flashcrowd: unknown command "${command}"`);
        io.err(USAGE);
        return 2;
    }
  } catch (e) {
    io.err(formatError({ code: 'internal', message: `unexpected failure: ${(e as Error).stack ?? String(e)}` }));
    return 70;
  }
}
