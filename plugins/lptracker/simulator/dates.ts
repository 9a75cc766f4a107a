/**
 * LPTracker prints dates without a zone in account-local time; accounts are in practice Moscow
 * (UTC+3, no DST since 2014). A fixed offset keeps output independent of the machine's TZ.
 */
const MSK_OFFSET_MS = 3 * 3600_000;

function parts(ms: number) {
  const d = new Date(ms + MSK_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`,
    hm: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`,
    s: p(d.getUTCSeconds()),
  };
}

/** `d.m.Y H:i`, e.g. `25.06.2020 14:05` (lead created_at). */
export function formatDmyHi(ms: number): string {
  const x = parts(ms);
  return `${x.date} ${x.hm}`;
}

/** `d.m.Y H:i:s` (comment created_at, contact created_at). */
export function formatDmyHis(ms: number): string {
  const x = parts(ms);
  return `${x.date} ${x.hm}:${x.s}`;
}

/** `H:i` (webhook local_time). */
export function formatHi(ms: number): string {
  return parts(ms).hm;
}

export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Parses `d.m.Y H:i`, `d.m.Y H:i:s`, `d.m.Y` or `d.m.y` as Moscow time; undefined when malformed. */
export function parseDmy(text: string): number | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const [day, month, h, min, s] = [Number(m[1]), Number(m[2]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || s > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, h, min, s) - MSK_OFFSET_MS;
  // Rejects 31.02 and the like, which Date.UTC would roll into the next month.
  return new Date(ms + MSK_OFFSET_MS).getUTCDate() === day ? ms : undefined;
}
