import { expect, test } from 'vitest';
import { parseConfigFile } from './config-file.js';

test('a config file nested 200,000 levels deep is refused with the limit and a place', () => {
  const read = parseConfigFile(`port: 8080\nstore: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`, 'flashcrowd.yaml');
  expect(read.settings).toEqual([]);
  expect(read.errors).toEqual([
    { code: 'config.syntax', message: expect.stringMatching(/^nested deeper than 64 levels/), file: 'flashcrowd.yaml', line: 2, column: expect.any(Number) },
  ]);
});

test('a list or a mapping as a key is refused at the key, not skipped or stringified', () => {
  const read = parseConfigFile('port: 8080\n? [port]\n: 9090\n', 'flashcrowd.yaml');
  expect(read.settings).toEqual([]);
  expect(read.errors).toEqual([
    { code: 'config.syntax', message: 'a key must be a name, not a list or a mapping; write it as "name: value"', file: 'flashcrowd.yaml', line: 2, column: 3 },
  ]);
});
