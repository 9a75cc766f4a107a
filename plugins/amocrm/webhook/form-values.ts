/**
 * Reading values out of an AmoCRM webhook body. Form bodies give every leaf as a string and lists
 * either as arrays or (past qs's arrayLimit, or from JSON) as objects with numeric keys; a hostile
 * body may put anything anywhere, so every reader accepts `unknown` and never throws.
 */

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Array-index-like keys; qs and JSON.parse list them first and in ascending order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,8})$/;

/**
 * The items of a PHP-style list: an array, an object with numeric keys, or one item that came
 * without an index (`leads[status][id]=5`, a radiobutton's `values[value]=…`).
 */
export function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isDict(value)) return [];
  const items: unknown[] = [];
  for (const key of Object.keys(value)) {
    if (INDEX_KEY.test(key)) items.push(value[key]);
  }
  return items.length > 0 ? items : [value];
}

export function own(obj: Dict, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A dictionary assignment that keeps a `__proto__` key as data instead of changing the prototype. */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return null;
}

/** A non-empty trimmed string, or null. */
export function nonEmpty(value: unknown): string | null {
  const s = str(value)?.trim();
  return s ? s : null;
}

export function int(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^-?\d{1,16}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** AmoCRM ids are positive integers; anything else means "no id". */
export function positiveInt(value: unknown): number | null {
  const n = int(value);
  return n !== null && n > 0 ? n : null;
}

/** A number from `450`, `"450"`, `"1 250,50"`; null for empty or non-numeric text. */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Below this a number is unix seconds, above it milliseconds (1e11 s is year 5138). */
const SECONDS_LIMIT = 1e11;
/** AmoCRM's offset-less times are account-local; Russian accounts run on Moscow time (UTC+3, no DST). */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

function epochMs(value: unknown): number | null {
  const n = int(value);
  if (n === null) return null;
  const ms = Math.abs(n) < SECONDS_LIMIT ? n * 1000 : n;
  return Number.isNaN(new Date(ms).getTime()) ? null : ms;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * ISO 8601 (UTC) from unix seconds or milliseconds, or from AmoCRM's `Y-m-d H:i:s` local time.
 * `0` and empty mean "not set" in AmoCRM, so they give null.
 */
export function toIso(value: unknown): string | null {
  const ms = epochMs(value);
  if (ms !== null) return ms === 0 ? null : new Date(ms).toISOString();
  const text = typeof value === 'string' ? value.trim() : '';
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31.02 over into March; a date that doesn't exist is not a date.
  if (Number.isNaN(utc) || new Date(utc).getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(utc - MOSCOW_OFFSET_MS).toISOString();
}

/** Full ISO from a timestamp only (no text forms): what a bare custom-field value is. */
export function timestampToIso(value: unknown): string | null {
  const ms = epochMs(value);
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * `YYYY-MM-DD` of a timestamp, in Moscow time: AmoCRM stores a date field as midnight (UTC or
 * account-local), and both read as the intended calendar day at UTC+3.
 */
export function timestampToDate(value: unknown): string | null {
  const ms = epochMs(value);
  return ms === null ? null : new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first of several keys holding an integer, as text: the version part of a dedupe key. */
export function stamp(item: Dict, ...keys: string[]): string | null {
  for (const key of keys) {
    const n = int(own(item, key));
    if (n !== null && n !== 0) return String(n);
  }
  return null;
}

/** cyrb53: a short stable hash for dedupe keys of items without a timestamp (not cryptographic). */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
