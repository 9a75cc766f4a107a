/**
 * Period filters of the log pages. In the URL: `period=24h` for a preset (counted from «now» at every
 * request) or `from`/`to` as local `YYYY-MM-DDTHH:mm`. Users type dates as «дд.мм.гггг чч:мм».
 */

export const PERIOD_PRESETS = [
  { id: '1h', label: 'Последний час', ms: 3600_000 },
  { id: '24h', label: 'Последние 24 часа', ms: 86400_000 },
  { id: '7d', label: 'Последние 7 дней', ms: 7 * 86400_000 },
  { id: '30d', label: 'Последние 30 дней', ms: 30 * 86400_000 },
] as const;

export interface PeriodValue {
  period: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localToDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `YYYY-MM-DDTHH:mm` → «31.12.2026 18:00» (the input's text). */
export function localToRu(value: string): string {
  const d = localToDate(value);
  if (!d) return '';
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * «31.12.2026 18:00» or «31.12.2026» → `YYYY-MM-DDTHH:mm`; a date alone means the start of the day
 * (or its end for the «по» field). Returns null for text that is not a real date, '' for empty text.
 */
export function ruToLocal(text: string, endOfDay = false): string | null {
  const t = text.trim();
  if (!t) return '';
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[\s,]+(\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return null;
  const [day, month, year] = [+m[1], +m[2], +m[3]];
  const hours = m[4] !== undefined ? +m[4] : endOfDay ? 23 : 0;
  const minutes = m[5] !== undefined ? +m[5] : endOfDay ? 59 : 0;
  const d = new Date(year, month - 1, day, hours, minutes);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || hours > 23 || minutes > 59) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}`;
}

/** The ISO bounds to send to the API. */
export function periodToIso(value: PeriodValue, now = Date.now()): { from?: string; to?: string } {
  const preset = PERIOD_PRESETS.find((p) => p.id === value.period);
  if (preset) return { from: new Date(now - preset.ms).toISOString() };
  const from = localToDate(value.from);
  const to = localToDate(value.to);
  return {
    from: from ? from.toISOString() : undefined,
    // `to` is inclusive of its minute.
    to: to ? new Date(to.getTime() + 59_999).toISOString() : undefined,
  };
}

/** The trigger's text: «За всё время», «Последние 24 часа», «12.11.2026 10:00 — 13.11.2026 09:00». */
export function periodLabel(value: PeriodValue): string {
  const preset = PERIOD_PRESETS.find((p) => p.id === value.period);
  if (preset) return preset.label;
  const from = localToRu(value.from);
  const to = localToRu(value.to);
  if (from && to) return `${from} — ${to}`;
  if (from) return `С ${from}`;
  if (to) return `По ${to}`;
  return 'За всё время';
}
