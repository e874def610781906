/** One Ajv error, after union collapsing, as a sentence: what was expected and what was found. */
import type { ErrorObject } from 'ajv';
import { parseConditionText } from './condition.js';
import { didYouMean, quotedList } from './did-you-mean.js';
import { NAME_PATTERN, NAME_TITLE } from './schema-primitives.js';

export interface SchemaProblem {
  /** suffix of the error code: plan.<code> */
  code: 'missing' | 'unknown-key' | 'name' | 'type' | 'enum' | 'range' | 'format' | 'shape' | 'duplicate' | 'invalid';
  message: string;
  /** the key the error is about, below the error's instance path (missing or unknown keys) */
  child?: string;
}

type SchemaObject = Record<string, unknown>;

/** A value as a message shows it: strings quoted, objects by their keys. */
const QUOTED_CHARS = 60;
const QUOTED_KEYS = 10;

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    // a message quotes what was written, but not a whole pasted page of it
    return value.length <= QUOTED_CHARS ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, QUOTED_CHARS))}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, QUOTED_KEYS).map((k) => (k.length <= QUOTED_CHARS ? k : `${k.slice(0, QUOTED_CHARS)}…`));
    return `{${shown.join(', ')}${keys.length > QUOTED_KEYS ? `, … ${keys.length - QUOTED_KEYS} more` : ''}}`;
  }
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number', integer: 'a whole number', string: 'a string', boolean: 'true or false',
  object: 'a set of keys (an object)', array: 'a list', null: 'nothing',
};

function titleOf(schema: SchemaObject | undefined, fallback: string): string {
  return typeof schema?.title === 'string' ? schema.title : fallback;
}

function rangeWords(schema: SchemaObject): string {
  const low = typeof schema.exclusiveMinimum === 'number' ? `above ${schema.exclusiveMinimum}`
    : typeof schema.minimum === 'number' ? `at least ${schema.minimum}` : '';
  const high = typeof schema.exclusiveMaximum === 'number' ? `below ${schema.exclusiveMaximum}`
    : typeof schema.maximum === 'number' ? `at most ${schema.maximum}` : '';
  return [low, high].filter(Boolean).join(' and ');
}

function unknownKey(key: string, parent: SchemaObject): SchemaProblem {
  const pattern = Object.keys((parent.patternProperties as SchemaObject | undefined) ?? {})[0];
  if (pattern !== undefined) {
    const expected = pattern === NAME_PATTERN ? NAME_TITLE : `a key matching ${pattern}`;
    return { code: 'name', child: key, message: `invalid name "${key}": expected ${expected}` };
  }
  const allowed = Object.keys((parent.properties as SchemaObject | undefined) ?? {});
  const suggestion = didYouMean(key, allowed);
  return { code: 'unknown-key', child: key, message: `unknown key "${key}"${suggestion} (allowed keys: ${allowed.join(', ')})` };
}

function missingKey(key: string, parent: SchemaObject): SchemaProblem {
  const property = (parent.properties as Record<string, SchemaObject> | undefined)?.[key];
  const expected = property?.title === undefined ? '' : `: expected ${String(property.title)}`;
  return { code: 'missing', child: key, message: `missing required key "${key}"${expected}` };
}

function patternProblem(title: string, data: unknown): SchemaProblem {
  if (title.startsWith('a condition') && typeof data === 'string') {
    const parsed = parseConditionText(data);
    if ('problem' in parsed) return { code: 'format', message: parsed.problem };
  }
  return { code: 'format', message: `expected ${title}, got ${describeValue(data)}` };
}

export function describeSchemaError(error: ErrorObject): SchemaProblem {
  const parent = (error.parentSchema ?? {}) as SchemaObject;
  const params = error.params as Record<string, unknown>;
  const got = describeValue(error.data);
  switch (error.keyword) {
    case 'required': return missingKey(String(params.missingProperty), parent);
    case 'additionalProperties': return unknownKey(String(params.additionalProperty), parent);
    case 'type': return { code: 'type', message: `expected ${titleOf(parent, TYPE_WORDS[String(params.type)] ?? String(params.type))}, got ${got}` };
    case 'union': return { code: 'type', message: `expected ${titleOf(parent, 'a different kind of value')}, got ${got}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return { code: 'enum', message: `expected one of ${quotedList(allowed)}, got ${got}${suggestion}` };
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return { code: 'range', message: `expected ${titleOf(parent, 'a number')} ${rangeWords(parent)}, got ${got}` };
    case 'pattern': return patternProblem(titleOf(parent, 'a different string'), error.data);
    case 'minLength': return { code: 'format', message: `expected ${titleOf(parent, 'text')}, got ${got}` };
    case 'maxLength': return { code: 'format', message: `expected ${titleOf(parent, 'text')} of at most ${String(params.limit)} characters, got ${got}` };
    case 'maxItems': return { code: 'shape', message: `expected ${titleOf(parent, 'a list')} with at most ${String(params.limit)} items, got ${got}` };
    case 'minProperties': case 'maxProperties': return { code: 'shape', message: `expected ${titleOf(parent, 'a different set of keys')}, got ${got}` };
    case 'minItems': return { code: 'shape', message: `expected ${titleOf(parent, 'a list')} with at least ${String(params.limit)} item(s), got ${got}` };
    case 'uniqueItems': {
      const items = Array.isArray(error.data) ? error.data : [];
      return { code: 'duplicate', message: `${describeValue(items[Number(params.j)])} is listed twice` };
    }
    default: return { code: 'invalid', message: error.message ?? 'invalid value' };
  }
}
