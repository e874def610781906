/** The core's Result, failing with one of our domain errors: the shell's result shape too. */
import { fail, type Result } from '../core/errors.js';
import { domainError, type ErrorCode } from './codes.js';

export type { Result } from '../core/errors.js';

export function failWith<C extends ErrorCode>(...args: Parameters<typeof domainError<C>>): Result<never> {
  return fail(domainError(...args));
}
