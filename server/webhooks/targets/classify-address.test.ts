import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressClass } from './classify-address.js';

const table: [string, AddressClass, string][] = [
  ['93.184.216.34', 'public', '93.184.216.34'],
  ['2606:2800:220:1:248:1893:25c8:1946', 'public', '2606:2800:220:1:248:1893:25c8:1946'],
  ['127.0.0.1', 'private', '127.0.0.1'],
  ['127.255.255.254', 'private', '127.255.255.254'],
  ['::1', 'private', '::1'],
  ['[::1]', 'private', '::1'],
  ['10.0.0.1', 'private', '10.0.0.1'],
  ['172.16.5.4', 'private', '172.16.5.4'],
  ['192.168.1.1', 'private', '192.168.1.1'],
  ['100.64.0.1', 'private', '100.64.0.1'],
  ['fc00::1', 'private', 'fc00::1'],
  ['fd12:3456::1', 'private', 'fd12:3456::1'],
  ['0.0.0.0', 'forbidden', '0.0.0.0'],
  ['0.1.2.3', 'forbidden', '0.1.2.3'],
  ['::', 'forbidden', '::'],
  ['169.254.169.254', 'forbidden', '169.254.169.254'],
  ['169.254.0.1', 'forbidden', '169.254.0.1'],
  ['fd00:ec2::254', 'forbidden', 'fd00:ec2::254'],
  ['100.100.100.200', 'forbidden', '100.100.100.200'],
  ['fe80::1', 'forbidden', 'fe80::1'],
  ['224.0.0.1', 'forbidden', '224.0.0.1'],
  ['ff02::1', 'forbidden', 'ff02::1'],
  ['255.255.255.255', 'forbidden', '255.255.255.255'],
  ['240.0.0.1', 'forbidden', '240.0.0.1'],
  ['192.0.2.1', 'forbidden', '192.0.2.1'],
  ['198.51.100.7', 'forbidden', '198.51.100.7'],
  ['203.0.113.9', 'forbidden', '203.0.113.9'],
  ['198.18.0.1', 'forbidden', '198.18.0.1'],
  ['2001:db8::1', 'forbidden', '2001:db8::1'],
  ['fec0::1', 'forbidden', 'fec0::1'],
  // IPv4 carried inside IPv6 is judged by the IPv4 address it reaches
  ['::ffff:127.0.0.1', 'private', '::ffff:7f00:1'],
  ['::ffff:7f00:1', 'private', '::ffff:7f00:1'],
  ['::ffff:169.254.169.254', 'forbidden', '::ffff:a9fe:a9fe'],
  ['::ffff:93.184.216.34', 'public', '::ffff:5db8:d822'],
  // ipaddr.js reads the dotted form as IPv4-mapped; either way it is judged by 127.0.0.1
  ['::127.0.0.1', 'private', '::ffff:7f00:1'],
  ['::7f00:1', 'forbidden', '::7f00:1'],
  ['64:ff9b::7f00:1', 'private', '64:ff9b::7f00:1'],
  ['64:ff9b::a9fe:a9fe', 'forbidden', '64:ff9b::a9fe:a9fe'],
  ['64:ff9b::5db8:d822', 'public', '64:ff9b::5db8:d822'],
  ['64:ff9b:1::a00:1', 'private', '64:ff9b:1::a00:1'],
  ['2002:7f00:1::1', 'private', '2002:7f00:1::1'],
  ['2002:5db8:d822::1', 'public', '2002:5db8:d822::1'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'forbidden', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
  // spellings ipaddr.js reads the way the WHATWG URL parser and inet_aton do
  ['2130706433', 'private', '127.0.0.1'],
  ['0x7f000001', 'private', '127.0.0.1'],
  ['0177.0.0.1', 'private', '127.0.0.1'],
  ['0x7f.0.0.1', 'private', '127.0.0.1'],
];

describe('classifyAddress', () => {
  it.each(table)('%s is %s (%s)', (input, cls, canonical) => {
    expect(classifyAddress(input)).toMatchObject({ class: cls, address: canonical });
  });

  it('says what an address is, naming the IPv4 address inside an IPv6 one', () => {
    expect(classifyAddress('169.254.169.254')?.what).toBe('a cloud metadata address');
    expect(classifyAddress('::ffff:10.0.0.1')?.what).toBe('an IPv4-mapped form of 10.0.0.1, a private network address (RFC 1918)');
  });

  it('is null for host names', () => {
    for (const host of ['example.com', 'localhost', '127.0.0.1.nip.io', '', '[example.com]', '1.2.3.4.5']) expect(classifyAddress(host)).toBeNull();
  });
});
