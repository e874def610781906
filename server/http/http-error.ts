/**
 * An HTTP failure as a value: the status, a stable code, a message that says what to change,
 * and the field at fault. Routes send it as `{ error: { code, message, field } }`.
 */
export interface HttpError {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;
  code: string;
  message: string;
  field?: string;
}

export type HttpResult<T> = { ok: true; value: T } | { ok: false; error: HttpError };

export function httpError<T = never>(status: HttpError['status'], code: string, message: string, field?: string): HttpResult<T> {
  return { ok: false, error: field === undefined ? { status, code, message } : { status, code, message, field } };
}

export function errorBody(e: HttpError): { error: { code: string; message: string; field?: string } } {
  return { error: e.field === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, field: e.field } };
}
