import { describe, expect, it } from 'vitest';
import { checkTargetUrl, MAX_URL_LENGTH } from './check-target-url.js';
import { PUBLIC_ONLY } from './target-policy.js';

const ALLOW_PRIVATE = { allowPrivate: true };
const code = (url: string, policy = PUBLIC_ONLY): string | null => {
  const r = checkTargetUrl(url, policy);
  return r.ok ? null : r.errors[0]!.code;
};

// every spelling of an inward address a URL can carry
const loopbackSpellings = [
  'http://127.0.0.1/h', 'http://127.1/h', 'http://2130706433/h', 'http://0x7f000001/h', 'http://0x7f.1/h', 'http://0177.0.0.1/h',
  'http://017700000001/h', 'http://127.0.0.1.:8080/h', 'http://①②⑦.0.0.1/h', 'http://[::1]/h', 'http://[0:0:0:0:0:0:0:1]/h',
  'http://[::ffff:127.0.0.1]/h', 'http://[::ffff:7f00:1]/h', 'http://[64:ff9b::127.0.0.1]/h', 'http://[2002:7f00:1::]/h',
  'http://localhost/h', 'http://LOCALHOST./h', 'http://api.localhost/h',
];
const privateSpellings = [
  'http://10.0.0.1/h', 'http://10.1/h', 'http://167772161/h', 'https://172.16.0.1/h', 'http://192.168.0.10:8443/h', 'http://0xc0a80001/h',
  'http://100.64.0.1/h', 'http://[fc00::1]/h', 'http://[fd12:3456::1]/h', 'http://[::ffff:10.0.0.1]/h', 'http://[64:ff9b:1::a00:1]/h',
];
const forbiddenSpellings = [
  'http://0.0.0.0/h', 'http://0/h', 'http://[::]/h', 'http://169.254.169.254/latest/meta-data/', 'http://2852039166/h', 'http://0xa9.0xfe.0xa9.0xfe/h',
  'http://[::ffff:169.254.169.254]/h', 'http://[fd00:ec2::254]/h', 'http://100.100.100.200/h', 'http://169.254.170.2/v2/credentials',
  'http://[fe80::1]/h', 'http://224.0.0.1/h', 'http://[ff02::1]/h', 'http://255.255.255.255/h', 'http://240.0.0.1/h',
  'http://192.0.2.1/h', 'http://198.51.100.1/h', 'http://203.0.113.1/h', 'http://[2001:db8::1]/h', 'http://[::127.0.0.1]/h', 'http://[::7f00:1]/h',
];

describe('checkTargetUrl', () => {
  it.each(loopbackSpellings.concat(privateSpellings))('refuses %s by default and admits it with allowPrivate', (url) => {
    expect(code(url)).toBe('webhook.target-private');
    expect(code(url, ALLOW_PRIVATE)).toBeNull();
  });

  it.each(forbiddenSpellings)('refuses %s even with allowPrivate', (url) => {
    expect(code(url)).toBe('webhook.target-forbidden');
    expect(code(url, ALLOW_PRIVATE)).toBe('webhook.target-forbidden');
  });

  it.each(['https://hooks.example.com/flashcrowd', 'http://93.184.216.34:8080/h', 'https://[2606:2800:220:1::1]/h', 'https://[::ffff:93.184.216.34]/h', 'https://127.0.0.1.nip.io/h'])(
    'admits %s (a host name is judged again when it is resolved)',
    (url) => expect(checkTargetUrl(url, PUBLIC_ONLY)).toMatchObject({ ok: true }),
  );

  it('refuses what is not an http(s) URL without credentials, naming the field and why', () => {
    expect(code('hooks.example.com/x')).toBe('webhook.url');
    expect(code('ftp://hooks.example.com/x')).toBe('webhook.url-scheme');
    expect(code('file:///etc/passwd')).toBe('webhook.url-scheme');
    expect(code('https://user:pw@hooks.example.com/x')).toBe('webhook.url-credentials');
    expect(code('https://user@hooks.example.com/x')).toBe('webhook.url-credentials');
    expect(code(`https://hooks.example.com/${'a'.repeat(MAX_URL_LENGTH)}`)).toBe('webhook.url-length');
    expect(checkTargetUrl('http://2130706433/h', PUBLIC_ONLY)).toEqual({
      ok: false,
      errors: [{ code: 'webhook.target-private', field: 'url', message: expect.stringMatching(/^127\.0\.0\.1 is a loopback address; .*--webhook-allow-private/) }],
    });
    expect(checkTargetUrl('http://169.254.169.254/', PUBLIC_ONLY)).toMatchObject({ errors: [{ message: '169.254.169.254 is a cloud metadata address; webhooks are never sent there' }] });
  });
});
