import type { ResolvedTrigger } from '../engine/trigger-events.ts';

/** What a stored event shows in place of a secret header or query value. */
export const MASKED = '[скрыто]';

/**
 * Query keys that look like credentials are masked even when no trigger declares them:
 * `?api_token=`, `?access_token=`, `?key=`, `?apikey=`, `?secret=`, `?password=`, `?signature=`…
 */
const SECRET_QUERY_KEY = /token|secret|passw(or)?d|signature|^(api[-_]?)?key$|[-_]key$|^sig$/i;

export interface DeclaredSecrets {
  /** Lower-case header names. */
  headers: string[];
  /** Query keys, compared case-insensitively. */
  query: string[];
}

export const NO_SECRETS: DeclaredSecrets = { headers: [], query: [] };

/** The header names and query keys a trigger declares secret for its props (a faulty declaration declares nothing). */
export function declaredSecrets(...triggers: (ResolvedTrigger | null | undefined)[]): DeclaredSecrets {
  const headers = new Set<string>();
  const query = new Set<string>();
  for (const t of triggers) {
    if (!t) continue;
    try {
      for (const h of t.def.secretHeaders?.(t.props) ?? []) if (h) headers.add(h.trim().toLowerCase());
      for (const q of t.def.secretQuery?.(t.props) ?? []) if (q) query.add(q.trim().toLowerCase());
    } catch {
      // a plugin bug must not stop the webhook; the generic masking still applies
    }
  }
  return { headers: [...headers], query: [...query] };
}

/** Headers as stored with the event: the trigger's declared secret headers masked on top of the generic masking. */
export function maskHeaders(headers: Record<string, string>, declared: DeclaredSecrets): Record<string, string> {
  if (declared.headers.length === 0) return headers;
  const secret = new Set(declared.headers);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = secret.has(name.toLowerCase()) ? MASKED : value;
  return out;
}

/** Query as stored with the event: declared keys and keys that look like credentials masked. */
export function maskQuery(query: Record<string, string>, declared: DeclaredSecrets): Record<string, string> {
  const secret = new Set(declared.query);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) out[key] = secret.has(key.toLowerCase()) || SECRET_QUERY_KEY.test(key) ? MASKED : value;
  return out;
}
