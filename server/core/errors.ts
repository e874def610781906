/**
 * Errors are values: a code a program can branch on, a sentence a person can act on, and
 * where it happened. Nothing in the core throws for bad input; it returns a Result.
 */
export interface FlashcrowdError {
  /** stable, machine-readable, e.g. 'plan.type', 'csv.timestamp' */
  code: string;
  /** what is wrong and what to change, for a person */
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** JSON-pointer-like path of the offending field, e.g. 'services.messaging.capacity.rpsPerServer' */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FlashcrowdError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: FlashcrowdError[]): Result<T> => ({ ok: false, errors });

/** "file:line:column: field: message", the form editors and terminals link to. */
export function formatError(e: FlashcrowdError): string {
  const where = [e.file, e.line, e.column].filter((p) => p !== undefined).join(':');
  const field = e.field ? `${e.field}: ` : '';
  return `${where ? `${where}: ` : ''}${field}${e.message}`;
}
