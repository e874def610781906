import { domainError, type DomainError } from '../errors/codes.js';
import { describeNeed } from './authorize.js';

/** A denial as the live feed's connect_error carries it: the code an HTTP read would get, the sentence said for the feed. */
export function liveRefusal(error: DomainError): DomainError {
  return error.code === 'auth.missing-token' ? domainError('auth.missing-token', { need: describeNeed('reader'), via: 'live', createRole: null }) : error;
}
