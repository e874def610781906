export { classifyAddress, type AddressClass, type AddressVerdict } from './classify-address.js';
export { checkTargetUrl, MAX_URL_LENGTH } from './check-target-url.js';
export { PUBLIC_ONLY, type TargetPolicy } from './target-policy.js';
export { guardedLookup, systemResolve, TargetRefusedError, type Resolve } from './guarded-lookup.js';
export { guardedPost, type HttpPost, type PostResponse } from './http-post.js';
