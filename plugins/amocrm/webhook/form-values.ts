/**
 * Reading values out of an AmoCRM webhook body. Form bodies give every leaf as a string and lists
 * either as arrays or (past qs's arrayLimit, or from JSON) as objects with numeric keys; a hostile
 * body may put anything anywhere, so every reader accepts `unknown` and never throws.
 */

import { isDict, own, int, type Dict } from '../../../core/sdk/index.ts';

export { isDict, own, setOwn, str, nonEmpty, int, positiveInt, num, hash, type Dict } from '../../../core/sdk/index.ts';

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

