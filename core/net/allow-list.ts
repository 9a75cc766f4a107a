import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parseAddress } from './address-policy.ts';

/**
 * EGRESS_ALLOW: comma-separated exceptions to the egress policy. An entry is a CIDR
 * (`10.0.0.0/8`, `::1/128`), a single address (`127.0.0.1`, taken as /32 or /128), a host
 * name (`sim.local`) or a wildcard (`*.example.ru`: any subdomain, not the bare domain, as in
 * TLS certificates). A host-name entry allows whatever that name resolves to.
 */
export interface AllowList {
  cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  /** Exact names, lower-case ASCII (punycode) without a trailing dot. */
  hosts: Set<string>;
  /** Wildcard suffixes with their leading dot: `.example.ru`. */
  suffixes: string[];
  /** The entries as written, for logs. */
  entries: string[];
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Lower-case punycode without the trailing dot; undefined when it is not a host name. */
export function normalizeHostName(name: string): string | undefined {
  const trimmed = name.trim().replace(/\.$/, '');
  const ascii = domainToASCII(trimmed);
  if (!ascii || ascii.length > 253) return undefined;
  return ascii.split('.').every((l) => LABEL.test(l)) ? ascii : undefined;
}

function badEntry(entry: string): Error {
  return new Error(
    `EGRESS_ALLOW: не удалось разобрать «${entry}». Ожидаются через запятую подсети (10.0.0.0/8, ::1/128), адреса (127.0.0.1) или имена хостов (sim.local, *.example.ru).`,
  );
}

function parseCidr(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const slash = entry.lastIndexOf('/');
  const addrPart = entry.slice(0, slash);
  const bitsPart = entry.slice(slash + 1);
  // Only plain notations in config: `127.1/32` or `0x7f.0.0.1/8` are more likely typos than intent.
  const plain = ipaddr.IPv4.isValidFourPartDecimal(addrPart) || (addrPart.includes(':') && ipaddr.IPv6.isValid(addrPart));
  if (!plain || !/^\d{1,3}$/.test(bitsPart)) throw badEntry(entry);
  const addr = ipaddr.parse(addrPart);
  const bits = Number(bitsPart);
  if (bits > (addr.kind() === 'ipv4' ? 32 : 128)) throw badEntry(entry);
  return [addr, bits];
}

export function parseAllowList(spec: string): AllowList {
  const list: AllowList = { cidrs: [], hosts: new Set(), suffixes: [], entries: [] };
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    list.entries.push(entry);
    if (entry.includes('/')) {
      list.cidrs.push(parseCidr(entry));
    } else if (ipaddr.IPv4.isValidFourPartDecimal(entry) || (entry.includes(':') && ipaddr.IPv6.isValid(entry.replace(/^\[(.*)\]$/, '$1')))) {
      const addr = ipaddr.parse(entry.replace(/^\[(.*)\]$/, '$1'));
      list.cidrs.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.startsWith('*.')) {
      const base = normalizeHostName(entry.slice(2));
      if (!base) throw badEntry(entry);
      list.suffixes.push(`.${base}`);
    } else {
      // A bare number or short IPv4 form would otherwise pass as a "host name".
      const host = /^[0-9.]+$/.test(entry) || /^0x/i.test(entry) ? undefined : normalizeHostName(entry);
      if (!host) throw badEntry(entry);
      list.hosts.add(host);
    }
  }
  return list;
}

/** Whether an address (any form parseAddress accepts) falls in an allowed CIDR. */
export function allowListHasAddress(list: AllowList, input: string): boolean {
  const addr = parseAddress(input);
  if (!addr) return false;
  // An IPv4 address and its ::ffff: form are the same destination, so either notation in
  // EGRESS_ALLOW covers both.
  const forms: Array<ipaddr.IPv4 | ipaddr.IPv6> = [addr];
  if (addr.kind() === 'ipv4') forms.push((addr as ipaddr.IPv4).toIPv4MappedAddress());
  else if ((addr as ipaddr.IPv6).isIPv4MappedAddress()) forms.push((addr as ipaddr.IPv6).toIPv4Address());
  return list.cidrs.some(([net, bits]) => forms.some((a) => a.kind() === net.kind() && a.match(net, bits)));
}

/** Whether a host name is allowed by a name or wildcard entry (IP literals never are). */
export function allowListHasHost(list: AllowList, hostname: string): boolean {
  const host = normalizeHostName(hostname);
  if (!host) return false;
  return list.hosts.has(host) || list.suffixes.some((s) => host.endsWith(s));
}
