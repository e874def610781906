/** Where a command writes: injected so commands are testable without a terminal. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** true when stderr is a terminal (progress bars only then) */
  isTty?: boolean;
  /** rewrite the current stderr line (progress bars) */
  progress?: (text: string) => void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTty: process.stderr.isTTY === true,
  progress: (text) => process.stderr.write(`\r${text}\x1b[K`),
};

/**
 * `flashcrowd replay | head`: when the reader closes the pipe, stop quietly with status 0 as
 * Unix tools do, instead of dying on EPIPE with a stack trace. Anything else stays an error.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(0);
    });
  }
}
