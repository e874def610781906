import type { AddressVerdict } from './classify-address.js';

export interface TargetPolicy {
  /** loopback, RFC 1918, CGNAT and ULA receivers, for on-premises installs (--webhook-allow-private) */
  allowPrivate: boolean;
}

export const PUBLIC_ONLY: TargetPolicy = { allowPrivate: false };

export const PUBLIC_ONLY_HINT = 'webhooks go to public addresses unless the server runs with --webhook-allow-private (FLASHCROWD_WEBHOOK_ALLOW_PRIVATE=true)';

/** null when the policy admits the address; otherwise why not, as a sentence about it */
export function refusal(v: AddressVerdict, policy: TargetPolicy): string | null {
  if (v.class === 'public' || (v.class === 'private' && policy.allowPrivate)) return null;
  if (v.class === 'forbidden') return `${v.address} is ${v.what}; webhooks are never sent there`;
  return `${v.address} is ${v.what}; ${PUBLIC_ONLY_HINT}`;
}
