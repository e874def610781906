import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { wireText } from './wire-text.js';

// V8's serializer tags a string by how V8 holds it: '"' for one byte per character
const isOneByte = (text: string): boolean => serialize(text)[2] === '"'.charCodeAt(0);

// ASCII names sliced from text that also holds Chinese, as a plan file's are
const mixed = '文档 Documents Feb-3 return to work';
const asciiSlice = mixed.slice(3);

describe('wireText', () => {
  it('holds ASCII text one byte per character, however it was built', () => {
    const rope = JSON.stringify({ name: asciiSlice, more: 'x'.repeat(200) });
    expect(isOneByte(rope)).toBe(false);
    expect(isOneByte(wireText(rope))).toBe(true);
  });

  it('sends the same bytes', () => {
    for (const text of [JSON.stringify({ name: asciiSlice }), mixed, 'é ü', 'lone \ud800 surrogate', '']) {
      expect(Buffer.from(wireText(text), 'utf8')).toEqual(Buffer.from(text, 'utf8'));
    }
  });
});
