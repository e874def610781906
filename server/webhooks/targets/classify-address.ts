/**
 * Where an IP address points, for deciding whether a webhook may be sent there. The parsing
 * and the special-purpose ranges come from ipaddr.js; this module only sorts them into three
 * classes and adds the cases it leaves as plain unicast (IPv4 inside IPv6, cloud metadata).
 */
import ipaddr from 'ipaddr.js';

/**
 * public     -> allowed
 * private    -> allowed only with --webhook-allow-private (loopback, RFC 1918, CGNAT, ULA)
 * forbidden  -> never: unspecified, link-local, cloud metadata, multicast, broadcast, reserved
 */
export type AddressClass = 'public' | 'private' | 'forbidden';

export interface AddressVerdict {
  class: AddressClass;
  /** the canonical spelling, e.g. 127.0.0.1 for 2130706433 */
  address: string;
  /** completes "<address> is ...", e.g. "a loopback address" */
  what: string;
}

// instance metadata services that sit outside link-local: AWS over IPv6 (inside fc00::/7), Alibaba (inside 100.64/10)
const METADATA = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

type Family = 'ipv4' | 'ipv6';

// ipaddr.js gives a range the same name in both families where it means the same; only the
// wording of the two whose block it names differs
const RANGES: Record<string, [AddressClass, string | Record<Family, string>]> = {
  unicast: ['public', 'a public address'],
  loopback: ['private', 'a loopback address'],
  private: ['private', 'a private network address (RFC 1918)'],
  carrierGradeNat: ['private', 'a carrier-grade NAT address (100.64.0.0/10)'],
  uniqueLocal: ['private', 'a unique local address (fc00::/7)'],
  linkLocal: ['forbidden', { ipv4: 'a link-local address (169.254.0.0/16)', ipv6: 'a link-local address (fe80::/10)' }],
  unspecified: ['forbidden', { ipv4: 'an unspecified address (0.0.0.0/8)', ipv6: 'the unspecified address (::)' }],
  broadcast: ['forbidden', 'the broadcast address'],
  multicast: ['forbidden', 'a multicast address'],
};

const RESERVED = 'a reserved, documentation or special-purpose address';

function verdict(cls: AddressClass, address: string, what: string): AddressVerdict {
  return { class: cls, address, what };
}

function byRange(family: Family, range: string, address: string): AddressVerdict {
  const [cls, what] = RANGES[range] ?? ['forbidden', RESERVED];
  return verdict(cls, address, typeof what === 'string' ? what : what[family]);
}

function classifyV4(ip: ipaddr.IPv4): AddressVerdict {
  const address = ip.toString();
  if (METADATA.has(address)) return verdict('forbidden', address, 'a cloud metadata address');
  return byRange('ipv4', ip.range(), address);
}

/** an IPv6 address that carries an IPv4 one is judged by the IPv4 address it reaches */
function embedded(address: string, inner: ipaddr.IPv4, how: string): AddressVerdict {
  const v4 = classifyV4(inner);
  return verdict(v4.class, address, `${how} ${v4.address}, ${v4.what}`);
}

function classifyV6(ip: ipaddr.IPv6): AddressVerdict {
  const address = ip.toString();
  const p = ip.parts;
  if (METADATA.has(address)) return verdict('forbidden', address, 'a cloud metadata address');
  const range = ip.range() as string;
  const low32 = new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
  if (range === 'ipv4Mapped') return embedded(address, ip.toIPv4Address(), 'an IPv4-mapped form of');
  if (range === 'rfc6052') {
    // 64:ff9b:1::/48 is for a network's own translators (RFC 8215); 64:ff9b::/96 reaches the embedded IPv4 address
    if (p[2] === 1) return verdict('private', address, 'a local-use NAT64 address (64:ff9b:1::/48)');
    return embedded(address, low32, 'a NAT64 form of');
  }
  if (range === '6to4') return embedded(address, new ipaddr.IPv4([p[1]! >> 8, p[1]! & 0xff, p[2]! >> 8, p[2]! & 0xff]), 'a 6to4 form of');
  // ::/96 other than :: and ::1 is the deprecated IPv4-compatible form, which ipaddr.js calls unicast
  if (range === 'unicast' && p.slice(0, 6).every((x) => x === 0)) return verdict('forbidden', address, 'an IPv4-compatible IPv6 address (deprecated)');
  return byRange('ipv6', range, address);
}

/** The verdict on an IP literal (IPv6 with or without brackets); null when `host` is not one. */
export function classifyAddress(host: string): AddressVerdict | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(bare)) return null;
  const ip = ipaddr.parse(bare);
  return ip.kind() === 'ipv4' ? classifyV4(ip as ipaddr.IPv4) : classifyV6(ip as ipaddr.IPv6);
}
