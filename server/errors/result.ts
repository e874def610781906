/**
 * The one result shape across layers: the core's Result, failing with domain errors. Services,
 * the authorisation decision and the socket.io acknowledgements return it; the dashboard's API
 * client reads its answers into it (importing the type only).
 */
import { fail, type FlashcrowdError, type Result as CoreResult } from '../core/errors.js';
import { domainError, type DomainError, type ErrorCode } from './codes.js';

export type Result<T, E extends FlashcrowdError = DomainError> = CoreResult<T, E>;
export { fail, ok } from '../core/errors.js';

export function failWith<C extends ErrorCode>(...args: Parameters<typeof domainError<C>>): Result<never> {
  return fail(domainError(...args));
}
