/**
 * `tsx tools/core-purity/check.ts [dir]`: fails (exit 1) when a non-test file under dir
 * (default server/core) reads the clock, Math.random or process, one line per use.
 */
import { runCheck } from '../source/run-check.js';
import { findImpurities } from './find-impurities.js';

process.exitCode = await runCheck('core purity', process.argv[2] ?? 'server/core', findImpurities);
