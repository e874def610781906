import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, TargetRefusedError, type Resolve } from './guarded-lookup.js';
import { PUBLIC_ONLY } from './target-policy.js';

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

/** runs the lookup the way net.connect does; nothing resolves or connects for real */
function lookup(resolve: Resolve, options: LookupOptions = {}, policy = PUBLIC_ONLY): Promise<{ error: Error | null; address: unknown }> {
  return new Promise((done) => guardedLookup(resolve, policy)('hooks.example.test', options, (error, address) => done({ error, address })));
}

describe('guardedLookup', () => {
  it.each([
    [[v4('127.0.0.1')], 'hooks.example.test resolves to 127.0.0.1 is a loopback address'],
    [[v4('10.0.0.1')], 'hooks.example.test resolves to 10.0.0.1 is a private network address (RFC 1918)'],
    [[v4('169.254.169.254')], 'hooks.example.test resolves to 169.254.169.254 is a cloud metadata address; webhooks are never sent there'],
    [[v6('::ffff:7f00:1')], 'hooks.example.test resolves to ::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1'],
    // one inward answer among public ones refuses them all: the socket may try any of them
    [[v4('93.184.216.34'), v4('10.0.0.1')], 'hooks.example.test resolves to 10.0.0.1'],
    [[v4('not-an-ip')], 'which is not an IP address'],
  ])('refuses %j', async (answer, message) => {
    const { error } = await lookup(async () => answer, { all: true });
    expect(error).toBeInstanceOf(TargetRefusedError);
    expect(error?.message).toContain(message);
  });

  it('passes public answers on in the form net.connect asked for', async () => {
    const answer = [v4('93.184.216.34'), v6('2606:2800:220:1:248:1893:25c8:1946')];
    expect(await lookup(async () => answer, { all: true })).toEqual({ error: null, address: answer });
    expect(await lookup(async () => answer, {})).toEqual({ error: null, address: '93.184.216.34' });
    expect(await lookup(async () => answer, { family: 6 })).toEqual({ error: null, address: '2606:2800:220:1:248:1893:25c8:1946' });
  });

  it('admits private answers with allowPrivate but never metadata ones', async () => {
    const allow = { allowPrivate: true };
    expect((await lookup(async () => [v4('10.0.0.1')], {}, allow)).error).toBeNull();
    expect((await lookup(async () => [v6('fd00:ec2::254')], {}, allow)).error).toBeInstanceOf(TargetRefusedError);
  });

  it('judges every lookup afresh, so a name that rebinds inward after a public answer is refused', async () => {
    const answers = [[v4('93.184.216.34')], [v4('127.0.0.1')]];
    const rebinding: Resolve = async () => answers.shift() ?? [];
    expect((await lookup(rebinding)).error).toBeNull();
    expect((await lookup(rebinding)).error).toBeInstanceOf(TargetRefusedError);
  });

  it('reports a resolver failure and an empty answer as they are', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.test'), { code: 'ENOTFOUND' });
    expect((await lookup(async () => Promise.reject(notFound))).error).toBe(notFound);
    expect((await lookup(async () => [])).error?.message).toBe('hooks.example.test has no address to connect to');
    const throwing: Resolve = () => {
      throw notFound;
    };
    expect((await lookup(throwing)).error).toBe(notFound);
  });
});
