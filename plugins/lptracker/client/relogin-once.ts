/**
 * One login per stale token within this process. The core makes `refreshCredentials()`
 * single-flight across processes; here concurrent 401s of one process (several runs, each with
 * its own ConnectionContext of the same connection) wait for the same login instead of each
 * spending a request of the account's 3 per second, and later requests that still carry the
 * stale token use the new one.
 */
import { apiBase, type LptCredentials } from '../connection/credentials.schema.ts';
import type { LptRemote } from './lpt-remote.ts';

const inflight = new Map<string, Promise<LptCredentials>>();
/** Per connection and account: the token replaced last, and what replaced it. */
const rotated = new Map<string, { from: string; to: LptCredentials }>();

// The account is part of the key: rebinding a connection to another login must not reuse a session.
const slot = (remote: LptRemote) => `${remote.id}\n${apiBase(remote.credentials)}\n${remote.credentials.login}`;

/** The newest credentials this process knows for the connection. */
export function currentCredentials(remote: LptRemote): LptCredentials {
  const c = remote.credentials;
  const r = rotated.get(slot(remote));
  return r && r.from === (c.token ?? '') ? r.to : c;
}

/** New credentials after `staleToken` was rejected, expired or is missing (''). */
export function reloginOnce(remote: LptRemote, staleToken: string): Promise<LptCredentials> {
  const where = slot(remote);
  const known = rotated.get(where);
  if (known && known.from === staleToken && known.to.token !== staleToken) return Promise.resolve(known.to);
  const key = `${where}\n${staleToken}`;
  let p = inflight.get(key);
  if (!p) {
    p = remote
      .refreshCredentials()
      .then((fresh) => {
        rotated.set(where, { from: staleToken, to: fresh });
        return fresh;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}
