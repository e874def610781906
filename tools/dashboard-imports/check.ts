/**
 * `tsx tools/dashboard-imports/check.ts [dir]`: fails (exit 1) when a non-test file under dir
 * (default dashboard) imports from server/ without `import type`, one line per import.
 * Test helpers (`test-support/`) run under vitest only and are never bundled.
 */
import { runCheck } from '../source/run-check.js';
import { findValueImports } from './find-value-imports.js';

const testOnly = (file: string): boolean => file.split(/[\\/]/).includes('test-support');

process.exitCode = await runCheck('dashboard imports', process.argv[2] ?? 'dashboard', (file, source) => findValueImports(file, source), testOnly);
