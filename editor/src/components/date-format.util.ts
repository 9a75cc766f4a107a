/** Dates and durations in Russian, in the browser's time zone. */

const dateTime = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const dateOnly = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat('ru', { numeric: 'auto' });
const numberFormat = new Intl.NumberFormat('ru-RU');

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** «05.03.2025, 14:07:31»; «—» when empty. */
export function formatDateTime(value: string | null | undefined): string {
  const d = parse(value);
  return d ? dateTime.format(d) : '—';
}

/** «5 марта 2025 г.» */
export function formatDate(value: string | null | undefined): string {
  const d = parse(value);
  return d ? dateOnly.format(d) : '—';
}

/** «3 минуты назад», «вчера»… */
export function formatRelative(value: string | null | undefined, now = Date.now()): string {
  const d = parse(value);
  if (!d) return '—';
  const sec = Math.round((d.getTime() - now) / 1000);
  const abs = Math.abs(sec);
  if (abs < 45) return 'только что';
  if (abs < 3600) return relative.format(Math.round(sec / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(sec / 3600), 'hour');
  if (abs < 86400 * 30) return relative.format(Math.round(sec / 86400), 'day');
  return formatDate(value);
}

/** «850 мс», «2,4 с», «1 мин 5 с», «2 ч 3 мин»; «—» when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} мс`;
  if (ms < 60_000) return `${(ms / 1000).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} с`;
  const totalSec = Math.round(ms / 1000);
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  if (h > 0) return m ? `${h} ч ${m} мин` : `${h} ч`;
  return s ? `${m} мин ${s} с` : `${m} мин`;
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

/** Russian plural: plural(5, ['запуск', 'запуска', 'запусков']) → «запусков». */
export function plural(n: number, forms: [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** The first 8 characters of an id, for compact tables. */
export const shortId = (id: string | null | undefined) => (id ? id.slice(0, 8) : '—');
