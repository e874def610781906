/**
 * `tsx tools/core-purity/check.ts [dir]`: fails (exit 1) when a non-test file under dir
 * (default server/core) reads the clock, Math.random or process, one line per use.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatError, type FlashcrowdError } from '../../server/core/errors.js';
import { findImpurities } from './find-impurities.js';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(c|m)?tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function main(dir: string): Promise<number> {
  const files = await sourceFiles(dir).catch((err: NodeJS.ErrnoException) => {
    process.stderr.write(`core purity: cannot read ${dir}: ${err.code ?? err.message}\n`);
    return null;
  });
  if (files === null) return 2;
  const found: FlashcrowdError[] = [];
  for (const file of files) found.push(...findImpurities(relative(process.cwd(), file), await readFile(file, 'utf8')));
  for (const e of found) process.stderr.write(`${formatError(e)} [${e.code}]\n`);
  if (found.length > 0) {
    process.stderr.write(`core purity: ${found.length} problem(s) in ${dir}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv[2] ?? 'server/core');
