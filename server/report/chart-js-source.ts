import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: Promise<string> | null = null;

/** chart.js's UMD bundle as text, for inlining into self-contained reports. Read once. */
export function chartJsSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  // the package exports no subpath for its UMD bundle; it sits beside the CommonJS entry
  cached ??= readFile(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  return cached;
}
