/**
 * One refresh per stale token within this process. The core makes `refreshCredentials()`
 * single-flight across processes; here concurrent 401s of one process (several runs, each with
 * its own ConnectionContext of the same connection) wait for the same refresh instead of each
 * spending the refresh token, and later requests that still carry the stale token use the new one.
 */
import type { AmoCredentials } from '../connection/credentials.schema.ts';
import type { AmoRemote } from './amo-remote.ts';

const inflight = new Map<string, Promise<AmoCredentials>>();
/** Per connection: the access token replaced last, and what replaced it. */
const rotated = new Map<string, { from: string; to: AmoCredentials }>();

/** The newest credentials this process knows for the connection. */
export function currentCredentials(remote: AmoRemote): AmoCredentials {
  const c = remote.credentials;
  const r = rotated.get(remote.id);
  return r && c.accessToken !== undefined && c.accessToken === r.from ? r.to : c;
}

/** New credentials after `staleToken` was rejected (or is about to expire). */
export function refreshOnce(remote: AmoRemote, staleToken: string): Promise<AmoCredentials> {
  const known = rotated.get(remote.id);
  if (known && known.from === staleToken) return Promise.resolve(known.to);
  const key = `${remote.id}\n${staleToken}`;
  let p = inflight.get(key);
  if (!p) {
    p = remote
      .refreshCredentials()
      .then((fresh) => {
        rotated.set(remote.id, { from: staleToken, to: fresh });
        return fresh;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}
