import { describe, expect, it } from 'vitest';
import { classifyAddress, isForbiddenAddress } from './address-policy.ts';

describe('address policy: forbidden addresses', () => {
  const forbidden: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['febf:ffff::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
  ];
  it.each(forbidden)('%s is forbidden (%s)', (ip, range) => {
    const cls = classifyAddress(ip);
    expect(cls).toMatchObject({ forbidden: true, range });
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  // Every encoding the URL parser, inet_aton or getaddrinfo may produce for 127.0.0.1.
  it.each(['127.1', '127.0.1', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '0x7f.0.0.1', '127.0.0.1.'])('IPv4 shorthand %s is loopback', (ip) => {
    expect(classifyAddress(ip)).toMatchObject({ forbidden: true, range: 'loopback', address: '127.0.0.1' });
  });

  const embedded: Array<[string, string, string]> = [
    ['::ffff:127.0.0.1', '127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', '127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', '127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', '10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', '169.254.169.254', 'linkLocal'],
    ['::ffff:0:127.0.0.1', '127.0.0.1', 'loopback'], // IPv4-translated, RFC 6145
    ['::7f00:1', '127.0.0.1', 'loopback'], // IPv4-compatible
    ['::127.0.0.1', '127.0.0.1', 'loopback'],
    ['::a00:1', '10.0.0.1', 'private'],
    ['::2', '0.0.0.2', 'unspecified'],
    ['64:ff9b::7f00:1', '127.0.0.1', 'loopback'], // NAT64
    ['64:ff9b::192.168.0.1', '192.168.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', '169.254.169.254', 'linkLocal'],
    ['2002:7f00:1::', '127.0.0.1', 'loopback'], // 6to4
    ['2002:a00:1::1', '10.0.0.1', 'private'],
    ['2002:c0a8:101::1', '192.168.1.1', 'private'],
  ];
  it.each(embedded)('%s embeds %s and is judged by it', (ip, v4, range) => {
    expect(classifyAddress(ip)).toMatchObject({ forbidden: true, embeddedIPv4: v4, range });
  });

  it.each(['64:ff9b:1::a00:1', '64:ff9b:1::808:808', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:db8::1', 'fec0::1'])(
    '%s (local NAT64, Teredo, documentation, site-local) is forbidden as a whole',
    (ip) => {
      expect(classifyAddress(ip).forbidden).toBe(true);
      expect(classifyAddress(ip).embeddedIPv4).toBeUndefined();
    },
  );

  it.each(['', 'localhost', 'example.com', '256.1.1.1', '1.2.3.4.5', '08.0.0.1', ':::1', '[::1'])('unparsable %j is forbidden (fail closed)', (s) => {
    expect(classifyAddress(s)).toMatchObject({ forbidden: true, range: 'invalid' });
  });
});

describe('address policy: public addresses', () => {
  it.each(['8.8.8.8', '77.88.55.88', '1.1.1.1', '93.158.134.3', '172.32.0.1', '100.128.0.1', '2a00:1450::1', '2a02:6b8::2:242', '2001:4860:4860::8888'])(
    '%s is allowed',
    (ip) => {
      expect(classifyAddress(ip)).toMatchObject({ forbidden: false, range: 'unicast' });
    },
  );

  it.each([
    ['::ffff:8.8.8.8', '8.8.8.8'],
    ['64:ff9b::808:808', '8.8.8.8'], // DNS64 on an IPv6-only host: must keep working
    ['64:ff9b::77.88.55.88', '77.88.55.88'],
    ['2002:4d58:3758::1', '77.88.55.88'],
  ])('%s carries public %s and is allowed', (ip, v4) => {
    expect(classifyAddress(ip)).toMatchObject({ forbidden: false, embeddedIPv4: v4 });
  });

  it('reports the canonical form', () => {
    expect(classifyAddress('2A00:1450:0:0::1').address).toBe('2a00:1450::1');
    expect(classifyAddress('0x08080808').address).toBe('8.8.8.8');
  });
});
