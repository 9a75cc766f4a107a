import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { EgressPolicy } from './egress-policy.ts';

type Callback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
type BaseLookup = (hostname: string, options: dns.LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

/**
 * A `lookup` for sockets: resolves like dns.lookup, then refuses the whole name if any address
 * it got is forbidden. The socket connects to exactly the addresses checked here, so a name
 * that answers "public" to a pre-check and "127.0.0.1" to the connect (DNS rebinding) gains
 * nothing. Refusing on any forbidden answer, instead of filtering, keeps a name pointing at
 * both a public and an internal address from reaching the internal one on a retry.
 *
 * Serves both shapes node uses: `all: true` (autoSelectFamily, the default on Node 20) and the
 * single-address callback.
 *
 * @param baseLookup the resolver; tests pass a fake DNS, production uses dns.lookup.
 */
export function createEgressLookup(policy: EgressPolicy, baseLookup: BaseLookup = dns.lookup as BaseLookup): LookupFunction {
  return (hostname: string, options: dns.LookupOptions | number | Callback, maybeCallback?: Callback) => {
    const callback = (typeof options === 'function' ? options : maybeCallback) as Callback;
    const opts: dns.LookupOptions = typeof options === 'number' ? { family: options } : typeof options === 'object' && options ? options : {};
    baseLookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return callback(err, opts.all ? [] : '');
      if (!policy.allowsHost(hostname)) {
        try {
          for (const a of addresses) policy.checkAddress(a.address, hostname);
        } catch (refusal) {
          return callback(refusal as NodeJS.ErrnoException, opts.all ? [] : '');
        }
      }
      if (opts.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '');
      callback(null, first.address, first.family);
    });
  };
}
