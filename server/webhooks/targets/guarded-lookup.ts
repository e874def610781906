/**
 * The connection-time guard: a `lookup` for net.connect that resolves the host and refuses
 * the connection when any address it resolves to is inward. The socket connects to exactly
 * the addresses judged here, so a name that resolves elsewhere a second later (DNS
 * rebinding) cannot slip past a check made earlier.
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from './classify-address.js';
import { refusal, type TargetPolicy } from './target-policy.js';

/** every address a host name resolves to; tests inject one so nothing really resolves */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** a delivery the target policy forbids: permanent, so it is not retried */
export class TargetRefusedError extends Error {
  override readonly name = 'TargetRefusedError';
  readonly code = 'EWEBHOOKTARGET';
}

/** why the policy refuses any of `addresses` for `host`, or null when it admits them all */
export function refuseAddresses(host: string, addresses: readonly string[], policy: TargetPolicy): string | null {
  for (const address of addresses) {
    const verdict = classifyAddress(address);
    // a resolver answer that is not an IP address is not something to connect to
    if (!verdict) return `${host} resolved to "${address.slice(0, 64)}", which is not an IP address`;
    const why = refusal(verdict, policy);
    if (why) return address === host ? why : `${host} resolves to ${why}`;
  }
  return null;
}

export function guardedLookup(resolve: Resolve, policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    // through a promise, so a resolver that throws is reported like one that rejects
    Promise.resolve(hostname).then(resolve).then(
      (found) => {
        const addresses = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address to connect to`), { code: 'ENOTFOUND' }), '', 0);
        const why = refuseAddresses(hostname, addresses.map((a) => a.address), policy);
        if (why) return callback(new TargetRefusedError(`refused: ${why}`), '', 0);
        // with autoSelectFamily net.connect asks for every address; otherwise for one
        return options.all ? callback(null, addresses) : callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
