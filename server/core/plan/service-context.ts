/**
 * What compiling one service needs besides its merged document: the plan's levels, and a way
 * to report an error at the place it was written, in the service or in `defaults`.
 */
import type { FlashcrowdError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { fieldName, type FieldPath, type Position, type YamlSource } from './yaml-source.js';

export interface ServiceContext {
  name: string;
  /** all levels, 'normal' first */
  levels: readonly string[];
  report(code: string, path: FieldPath, message: string, options?: { key?: boolean }): void;
  /** a field is written (in the service or in defaults) */
  written(path: FieldPath): boolean;
  /** errors found in other files the plan names (HPA manifests) */
  addErrors(errors: readonly FlashcrowdError[]): void;
}

export function serviceContext(
  source: YamlSource,
  name: string,
  levels: readonly string[],
  errors: FlashcrowdError[],
): ServiceContext {
  const own = (path: FieldPath): FieldPath => ['services', name, ...path];
  const inDefaults = (path: FieldPath): FieldPath => ['defaults', ...path];
  const origin = (path: FieldPath): FieldPath =>
    !source.has(own(path)) && source.has(inDefaults(path)) ? inDefaults(path) : own(path);
  return {
    name,
    levels,
    addErrors: (more) => { errors.push(...more); },
    written: (path) => source.has(own(path)) || source.has(inDefaults(path)),
    report(code, path, message, options) {
      const where = origin(path);
      const position: Position = source.locate(where, options);
      errors.push({ code, message, file: source.file, ...position, field: fieldName(where) });
    },
  };
}

/** Reports `level` unless it is a level above normal; true when it is. */
export function checkLevel(context: ServiceContext, path: FieldPath, level: string, what: string, options?: { key?: boolean }): boolean {
  const above = context.levels.slice(1);
  if (above.includes(level)) return true;
  const message = level === 'normal'
    ? `${what} cannot name "normal", the implicit lowest level; expected one of ${above.join(', ')}`
    : `unknown level "${level}"${didYouMean(level, above)} (levels: ${above.join(', ')})`;
  context.report('plan.level', path, message, options);
  return false;
}
