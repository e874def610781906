import { Value } from '@sinclair/typebox/value';
import type { ConfigField } from './fields.js';

export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

function fromText(field: ConfigField, text: string): unknown {
  const trimmed = text.trim();
  if (field.kind === 'integer') return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  if (field.kind === 'boolean') {
    const lower = trimmed.toLowerCase();
    return TRUE_WORDS.has(lower) ? true : FALSE_WORDS.has(lower) ? false : undefined;
  }
  return text;
}

/**
 * Turn a raw value (text from a flag or the environment, or any YAML/JSON value from a
 * file) into the setting's type and check it against its schema.
 */
export function coerce(field: ConfigField, raw: unknown): Coerced {
  const value = typeof raw === 'string' ? fromText(field, raw) : raw;
  if (value !== undefined && Value.Check(field.schema, value)) return { ok: true, value };
  const got = raw === undefined ? 'nothing' : JSON.stringify(raw);
  return { ok: false, message: `expected ${field.expected}, got ${got}` };
}
