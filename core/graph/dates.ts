/**
 * Dates for templates and conditions, in Moscow time.
 *
 * Russian sales teams think in Moscow time and CRMs often send local times without an offset, so
 * offset-less inputs are read as Moscow time and output is formatted in Moscow time. Moscow is
 * UTC+3 all year (no DST since 2014), so a fixed offset is exact and needs no tz database, which
 * keeps this module pure and identical in the browser and on the server.
 */
export const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Below this, a number is unix seconds; above, milliseconds (1e11 s is year 5138, 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function moscowToEpoch(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 31.02 over to March; reject instead of silently shifting the date.
  if (new Date(utc).getUTCDate() !== d) return null;
  return utc - MOSCOW_OFFSET_MS;
}

function offsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/**
 * Epoch milliseconds, or null. Accepts a Date, unix seconds or milliseconds (number or digit
 * string), ISO 8601 (`2024-05-01`, `2024-05-01T10:00:00+03:00`, `…Z`) and `DD.MM.YYYY[ HH:mm[:ss]]`.
 */
export function parseDate(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^-?\d{1,16}$/.test(text)) return parseDate(Number(text));
  let m = RU_DATE.exec(text);
  if (m) return moscowToEpoch(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = ISO_DATE.exec(text);
  if (!m) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const local = moscowToEpoch(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms);
  if (local === null) return null;
  return m[8] ? local + MOSCOW_OFFSET_MS - offsetMs(m[8]) : local;
}

const TOKENS = /YYYY|MM|DD|HH|mm|ss/g;

/** Formats epoch milliseconds in Moscow time; tokens YYYY, MM, DD, HH, mm, ss, the rest is literal. */
export function formatDate(epochMs: number, pattern: string): string {
  const d = new Date(epochMs + MOSCOW_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const parts: Record<string, string> = {
    YYYY: String(d.getUTCFullYear()).padStart(4, '0'),
    MM: two(d.getUTCMonth() + 1),
    DD: two(d.getUTCDate()),
    HH: two(d.getUTCHours()),
    mm: two(d.getUTCMinutes()),
    ss: two(d.getUTCSeconds()),
  };
  return pattern.replace(TOKENS, (token) => parts[token]!);
}
