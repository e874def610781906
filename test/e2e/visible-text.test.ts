import { describe, expect, test } from 'vitest';
import { foreignWords } from './visible-text.js';

describe('foreignWords', () => {
  test('keeps proper names and drill ids, reports other English', () => {
    expect(foreignWords(['演练 d-1a2b3c4d 进行中', 'Flashcrowd：实时演练', 'Asia/Shanghai', '预案 Feb-3 return to work', 'Expected recovery 03:51'])).toEqual(['Expected', 'recovery']);
  });
});
