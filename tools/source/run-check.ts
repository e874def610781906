/**
 * The frame of a source check run from the build: read every non-test TypeScript file under
 * a folder, let `find` report problems as errors with file:line:column, print them, and give
 * the exit code (0 clean, 1 problems, 2 the folder cannot be read).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatError, type FlashcrowdError } from '../../server/core/errors.js';

export type FindProblems = (file: string, source: string) => FlashcrowdError[];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(c|m)?tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function runCheck(name: string, dir: string, find: FindProblems, skip: (file: string) => boolean = () => false): Promise<number> {
  const files = await sourceFiles(dir).catch((err: NodeJS.ErrnoException) => {
    process.stderr.write(`${name}: cannot read ${dir}: ${err.code ?? err.message}\n`);
    return null;
  });
  if (files === null) return 2;
  const found: FlashcrowdError[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file);
    if (!skip(shown)) found.push(...find(shown, await readFile(file, 'utf8')));
  }
  for (const e of found) process.stderr.write(`${formatError(e)} [${e.code}]\n`);
  if (found.length > 0) {
    process.stderr.write(`${name}: ${found.length} problem(s) in ${dir}\n`);
    return 1;
  }
  return 0;
}
