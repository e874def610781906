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
