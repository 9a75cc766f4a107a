/**
 * Values PostgreSQL refuses: a NUL character (in text and in jsonb) and a lone UTF-16 surrogate
 * (JSON.stringify writes it as `\ud800`, which jsonb rejects). A webhook, a header, a remote
 * answer or a cut made at the wrong place can hold either; one such value must never fail a
 * statement that carries other events. Everything headed for SQL passes through here first.
 */

const REPLACEMENT = '\uFFFD';
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

/** A string PostgreSQL accepts: lone surrogates and NUL become U+FFFD. */
export function storableText(s: string): string {
  const wellFormed = s.isWellFormed() ? s : s.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replace(NUL, REPLACEMENT) : wellFormed;
}

/** Optional text columns: null stays null. */
export function storableTextOrNull(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : storableText(s);
}

/** Deep copy with every string (keys included) made storable; shares nothing with the input. */
export function storableValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return storableText(value);
  if (value === null || typeof value !== 'object') return value;
  // JSON.stringify would throw on deeper input anyway; cut it here with a readable marker.
  if (depth > 200) return '[слишком глубокая вложенность]';
  if (Array.isArray(value)) return value.map((v) => storableValue(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[storableText(k)] = storableValue(v, depth + 1);
  return out;
}

/**
 * JSON text for a jsonb parameter. The fast path (no `\u0000`, no surrogate escape in the output)
 * costs one scan of the string; only a suspicious value is walked and rebuilt.
 */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  if (!/\\u0000|\\ud[89a-f]/i.test(json)) return json;
  return JSON.stringify(storableValue(value)) ?? 'null';
}

/**
 * The first `maxChars` UTF-16 units of `s`, never ending inside a surrogate pair (a cut emoji
 * would leave a lone surrogate behind).
 */
export function sliceCodePoints(s: string, maxChars: number): string {
  if (s.length <= maxChars) return s;
  let end = Math.max(0, maxChars);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

/** The first `maxBytes` UTF-8 bytes of `s`, cut on a code point boundary. */
export function sliceUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s) <= maxBytes) return s;
  const buf = Buffer.from(s, 'utf8').subarray(0, maxBytes);
  // A cut multi-byte sequence decodes to U+FFFD at the end: drop it.
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}

/**
 * The path of the first string (or key) PostgreSQL would refuse, or null. API input is refused
 * with the field named rather than silently altered: the user typed or sent it, they should know.
 */
export function findUnstorable(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path : null;
  if (value === null || typeof value !== 'object' || depth > 100) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000') || !k.isWellFormed()) return [...path, k];
    const found = findUnstorable(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}
