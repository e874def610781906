/**
 * Validates plain data against a TypeBox schema with Ajv and returns errors people can act
 * on, positioned in the YAML source. Ajv's anyOf cascades are collapsed to one message per
 * field (see collapseUnions).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { FlashcrowdError } from '../errors.js';
import { collapseUnions } from './schema-unions.js';
import { describeSchemaError } from './schema-messages.js';
import { fieldName, type FieldPath, type YamlSource } from './yaml-source.js';

// ajv-formats is CommonJS with a default export; NodeNext sees either shape
const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (ajv: Ajv) => Ajv;

const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const ajv = addFormats(new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }));
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

function pathOf(instancePath: string): FieldPath {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((raw) => {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment;
  });
}

function toFlashcrowdError(error: ErrorObject, source: YamlSource, codePrefix: string): FlashcrowdError {
  const path = pathOf(error.instancePath);
  const problem = describeSchemaError(error);
  const field = problem.child === undefined ? path : [...path, problem.child];
  // a missing key has no node of its own, so point at the object that lacks it
  const position = problem.code === 'missing' ? source.locate(path) : source.locate(field, { key: problem.child !== undefined });
  return { code: `${codePrefix}.${problem.code}`, message: problem.message, file: source.file, ...position, field: fieldName(field) };
}

/** All schema errors of `source.data`, one per field and problem, in document order. */
export function validateAgainst(schema: TSchema, source: YamlSource, codePrefix: string): FlashcrowdError[] {
  const validate = validatorFor(schema);
  if (validate(source.data)) return [];
  const errors = collapseUnions(validate.errors ?? []).map((e) => toFlashcrowdError(e, source, codePrefix));
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const id = `${e.field}|${e.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
