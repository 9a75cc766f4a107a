/**
 * The last line of defence for secrets in logs: every serialized log line passes through here
 * (pino's `streamWrite` hook), so no call site can forget, whatever it logs (a path, a URL, an
 * error message, a stack, a child logger's bindings).
 */
const CENSOR = '[скрыто]';

/** A webhook path: the token is the only secret of the URL, in any case and once URL-encoded. */
const HOOK_PATH = /((?:\/|%2f)hooks(?:\/|%2f))[^/\s"'?#&\\<>]+/gi;

/**
 * A bare hook token (32 random bytes, base64url: 43 characters, hook-token.ts), e.g. quoted in a
 * database error. Both letter cases are required so that ordinary 43-character words survive.
 */
const BARE_TOKEN = /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{0,42}[A-Z])(?=[A-Za-z0-9_-]{0,42}[a-z])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** JSON keys whose value is a credential: auth and cookie headers, `x-…-token`-style headers, tokens, secrets, passwords. */
const SECRET_KEY =
  /"((?:proxy-)?authorization|cookie|set-cookie|x-[a-z0-9_-]*(?:token|secret|signature|key|auth|passw(?:or)?d)[a-z0-9_-]*|api[-_]?key|[a-z0-9_-]*(?:token|secret|passw(?:or)?d)[a-z0-9_-]*)"\s*:\s*("(?:[^"\\]|\\.)*"|\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\])/gi;

/** Credentials written out in text: `Bearer …`, `Basic …`. */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;

/** Query keys that carry credentials, in a logged URL. */
const SECRET_QUERY = /([?&](?:[a-z0-9_-]*(?:token|secret|passw(?:or)?d|signature|api[-_]?key)[a-z0-9_-]*|key|sig)=)[^&\s"'#\\]+/gi;

export function redactLogLine(line: string): string {
  return line
    .replace(HOOK_PATH, '$1***')
    .replace(SECRET_KEY, `"$1":"${CENSOR}"`)
    .replace(AUTH_SCHEME, `$1 ${CENSOR}`)
    .replace(SECRET_QUERY, '$1***')
    .replace(BARE_TOKEN, '***');
}
