import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses an outgoing request may reach. Pure: no DNS, no sockets.
 *
 * The rule is "only globally routable unicast": anything ipaddr.js does not label `unicast`
 * (loopback, private, link-local incl. cloud metadata, CGNAT, unspecified, multicast,
 * broadcast, reserved, benchmarking, Teredo, …) is forbidden. Deny-by-label rather than a list
 * of bad ranges, so a range we forgot is refused instead of reachable.
 *
 * IPv6 forms that carry an IPv4 address are judged by that IPv4 address: IPv4-mapped and
 * IPv4-translated (the kernel connects to the IPv4 itself), IPv4-compatible, NAT64 64:ff9b::/96
 * and 6to4 (a gateway forwards to the IPv4). Judging by the embedded address keeps IPv6-only
 * hosts with DNS64 working (they see every public site as 64:ff9b::a.b.c.d).
 */

export interface AddressClass {
  /** Canonical form (dotted quad or RFC 5952), or the input when it is not an address. */
  address: string;
  /** ipaddr.js range label of the judged address (`invalid` when unparsable). */
  range: string;
  /** The IPv4 address an IPv6 form carries, when that is what was judged. */
  embeddedIPv4?: string;
  forbidden: boolean;
}

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/** Accepts what URLs and the OS hand us: `[::1]`, `fe80::1%eth0`, `127.1`, `0x7f000001`, `127.0.0.1.`. */
export function parseAddress(input: string): Parsed | undefined {
  let s = input.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  // ipaddr.js reads short and hex/octal IPv4 forms exactly as inet_aton and the WHATWG URL parser do.
  if (!ipaddr.isValid(s)) return undefined;
  return ipaddr.parse(s);
}

function ipv4FromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 address an IPv6 address stands for, if it is one of the embedding forms. */
export function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = addr.parts;
  const range = addr.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return ipv4FromParts(p[6]!, p[7]!);
  // 64:ff9b::/96 only: in the local-use 64:ff9b:1::/48 the IPv4 position depends on the
  // operator's prefix length, so that range stays forbidden as a whole (label rfc6052).
  if (range === 'rfc6052' && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return ipv4FromParts(p[6]!, p[7]!);
  if (range === '6to4') return ipv4FromParts(p[1]!, p[2]!);
  // IPv4-compatible ::a.b.c.d (deprecated; ipaddr.js calls it unicast). `::` and `::1` are
  // themselves unspecified/loopback and are handled by their own labels.
  if (p.slice(0, 6).every((x) => x === 0) && (p[6] !== 0 || p[7]! > 1)) return ipv4FromParts(p[6]!, p[7]!);
  return undefined;
}

export function classifyAddress(input: string): AddressClass {
  const addr = parseAddress(input);
  if (!addr) return { address: input, range: 'invalid', forbidden: true };
  const address = addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
  if (addr.kind() === 'ipv6') {
    const v4 = embeddedIPv4(addr as ipaddr.IPv6);
    if (v4) {
      const range = v4.range();
      return { address, range, embeddedIPv4: v4.toString(), forbidden: range !== 'unicast' };
    }
  }
  const range = addr.range();
  return { address, range, forbidden: range !== 'unicast' };
}

export function isForbiddenAddress(input: string): boolean {
  return classifyAddress(input).forbidden;
}
