import type dns from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createEgressLookup } from './egress-lookup.ts';
import { createEgressPolicy } from './egress-policy.ts';

/** A fake DNS zone: the lookup is the thing under test, the resolver is not. */
function zone(records: Record<string, dns.LookupAddress[]>) {
  return (hostname: string, _opts: dns.LookupAllOptions, cb: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => {
    const found = records[hostname];
    setImmediate(() => (found ? cb(null, found) : cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), [])));
  };
}

const records = {
  'public.test': [{ address: '77.88.55.88', family: 4 }, { address: '2a02:6b8::2:242', family: 6 }],
  'rebind.test': [{ address: '77.88.55.88', family: 4 }, { address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'sim.local': [{ address: '10.1.2.3', family: 4 }],
};

type Result = { err: NodeJS.ErrnoException | null; address: unknown; family?: number };
function resolve(lookup: ReturnType<typeof createEgressLookup>, host: string, opts: dns.LookupOptions): Promise<Result> {
  return new Promise((r) => lookup(host, opts, (err, address, family) => r({ err, address, family })));
}

describe('egress lookup', () => {
  const strict = createEgressLookup(createEgressPolicy(''), zone(records));

  it('passes public answers through in both callback shapes', async () => {
    expect(await resolve(strict, 'public.test', { all: true })).toEqual({ err: null, address: records['public.test'], family: undefined });
    expect(await resolve(strict, 'public.test', {})).toEqual({ err: null, address: '77.88.55.88', family: 4 });
  });

  it('refuses a name resolving to an internal address, naming host and address', async () => {
    for (const opts of [{ all: true }, {}]) {
      const { err } = await resolve(strict, 'metadata.test', opts);
      expect(err).toMatchObject({ code: 'EGRESS_FORBIDDEN', details: { host: 'metadata.test', address: '169.254.169.254' } });
    }
  });

  it('refuses the whole name when any answer is internal (DNS rebinding)', async () => {
    expect((await resolve(strict, 'rebind.test', { all: true })).err).toMatchObject({ code: 'EGRESS_FORBIDDEN', details: { address: '127.0.0.1' } });
    expect((await resolve(strict, 'rebind.test', {})).err).toMatchObject({ code: 'EGRESS_FORBIDDEN' });
  });

  it('passes resolver errors on untouched', async () => {
    expect((await resolve(strict, 'missing.test', {})).err).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('lets an allowed name resolve to anything, and an allowed subnet through for any name', async () => {
    const byName = createEgressLookup(createEgressPolicy('sim.local'), zone(records));
    expect(await resolve(byName, 'sim.local', {})).toEqual({ err: null, address: '10.1.2.3', family: 4 });
    expect((await resolve(byName, 'metadata.test', {})).err).toMatchObject({ code: 'EGRESS_FORBIDDEN' });
    const bySubnet = createEgressLookup(createEgressPolicy('10.0.0.0/8'), zone(records));
    expect((await resolve(bySubnet, 'sim.local', { all: true })).err).toBeNull();
  });

  it('checks what the system resolver returns for localhost', async () => {
    const real = createEgressLookup(createEgressPolicy(''));
    expect((await resolve(real, 'localhost', { all: true })).err).toMatchObject({ code: 'EGRESS_FORBIDDEN', details: { host: 'localhost' } });
    const allowed = createEgressLookup(createEgressPolicy('127.0.0.1/32,::1/128'));
    const ok = await resolve(allowed, 'localhost', { family: 4 });
    expect(ok).toEqual({ err: null, address: '127.0.0.1', family: 4 });
  });
});
