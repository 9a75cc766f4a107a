/** Credentials a browser would not carry to another origin either. */
const ALWAYS_SECRET = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * Same scheme, host and port. Compared field by field because URL.origin is the string "null"
 * for every non-special scheme, which would make any two of them "equal". The URL parser
 * already drops default ports, so `http://a:80` and `http://a` match.
 */
export function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port;
}

/**
 * Removes, in place, the headers that must not follow a redirect to another origin:
 * Authorization, Cookie, Proxy-Authorization and every name the caller declared secret
 * (case-insensitive). Returns the removed names, for the log.
 */
export function dropSecretHeaders(headers: Record<string, string>, secretHeaders: readonly string[] = []): string[] {
  const secret = new Set([...ALWAYS_SECRET, ...secretHeaders.map((h) => h.toLowerCase())]);
  const removed: string[] = [];
  for (const name of Object.keys(headers)) {
    if (secret.has(name.toLowerCase())) {
      delete headers[name];
      removed.push(name);
    }
  }
  return removed;
}
