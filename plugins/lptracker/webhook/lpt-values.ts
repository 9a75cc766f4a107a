/**
 * Reading values out of an LPTracker payload. Types are mixed in practice (ids as numbers or
 * strings, `deal` as 0/1 or boolean), and a hostile sender may put anything anywhere, so every
 * reader accepts `unknown` and never throws.
 */

import { isDict, int } from '../../../core/sdk/index.ts';

export { isDict, own, setOwn, str, nonEmpty, int, positiveInt, num, bool, hash, type Dict } from '../../../core/sdk/index.ts';

/** List items: an array, or an object with numeric keys (a form body past qs's arrayLimit). */
export function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isDict(value)) return [];
  return Object.keys(value).filter((k) => /^(?:0|[1-9]\d{0,8})$/.test(k)).map((k) => value[k]);
}

/** Below this a number is unix seconds, above it milliseconds (1e11 s is year 5138). */
const SECONDS_LIMIT = 1e11;
/** LPTracker's offset-less times are account-local; in practice Moscow (UTC+3, no DST). */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

const RU_DATE_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function moscow(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31.02 over into March; a date that doesn't exist is not a date.
  return new Date(utc).getUTCDate() === d ? utc - MOSCOW_OFFSET_MS : null;
}

/**
 * ISO 8601 (UTC) from unix seconds or milliseconds (number or digits), or from LPTracker's local
 * `d.m.Y H:i[:s]` / `Y-m-d H:i:s` text read as Moscow time. `0` and empty give null.
 */
export function toIso(value: unknown): string | null {
  const n = int(value);
  if (n !== null) {
    if (n === 0) return null;
    const date = new Date(Math.abs(n) < SECONDS_LIMIT ? n * 1000 : n);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const text = typeof value === 'string' ? value.trim() : '';
  let m = RU_DATE_TIME.exec(text);
  let ms: number | null = null;
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    ms = moscow(year, Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  } else if ((m = ISO_LOCAL.exec(text))) {
    ms = moscow(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  return ms === null ? null : new Date(ms).toISOString();
}

