import { SECRET_MASK } from '../../core/sdk/index.ts';
import type { HttpCredentials } from './credentials.connection.ts';

export interface AuthorizedRequest {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Header names carrying credentials: dropped on a redirect to another origin, masked in previews. */
  secretHeaders: string[];
  /** Query keys carrying credentials: masked in previews. */
  secretQuery: string[];
}

/** Sets a header, replacing any spelling of the same name the user typed. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
}

/**
 * The request's headers with the node's secret headers and the chosen credentials applied (the
 * credentials win over a header of the same name typed in the node).
 */
export function applyCredentials(headers: Record<string, string>, secretHeaders: Record<string, string>, credentials: HttpCredentials | null): AuthorizedRequest {
  const out = { ...headers };
  const secret = new Set<string>();
  for (const [name, value] of Object.entries(secretHeaders)) {
    setHeader(out, name, value);
    secret.add(name);
  }
  const query: Record<string, string> = {};
  const secretQuery: string[] = [];
  if (credentials?.type === 'bearer') {
    setHeader(out, 'authorization', `Bearer ${credentials.token}`);
    secret.add('authorization');
  } else if (credentials?.type === 'basic') {
    setHeader(out, 'authorization', `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`);
    secret.add('authorization');
  } else if (credentials?.type === 'header') {
    setHeader(out, credentials.name, credentials.value);
    secret.add(credentials.name);
  } else if (credentials?.type === 'query') {
    query[credentials.name] = credentials.value;
    secretQuery.push(credentials.name);
  }
  return { headers: out, query, secretHeaders: [...secret], secretQuery };
}

/** What a dry run shows of the request: every credential masked. */
export function maskedPreview(req: AuthorizedRequest): { headers: Record<string, string>; query: Record<string, string> } {
  const secret = new Set(req.secretHeaders.map((h) => h.toLowerCase()));
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? SECRET_MASK : v]));
  const query = Object.fromEntries(Object.keys(req.query).map((k) => [k, SECRET_MASK]));
  return { headers, query };
}
