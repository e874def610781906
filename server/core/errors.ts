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

/** E narrows the errors to one vocabulary: the shell's DomainError, the dashboard's ApiError */
export type Result<T, E extends FlashcrowdError = FlashcrowdError> = { ok: true; value: T } | { ok: false; errors: E[] };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <T = never, E extends FlashcrowdError = FlashcrowdError>(...errors: E[]): Result<T, E> => ({ ok: false, errors });

/** "file:line:column: field: message", the form editors and terminals link to. */
export function formatError(e: FlashcrowdError): string {
  const where = [e.file, e.line, e.column].filter((p) => p !== undefined).join(':');
  const field = e.field ? `${e.field}: ` : '';
  return `${where ? `${where}: ` : ''}${field}${e.message}`;
}
