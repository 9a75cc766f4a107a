/**
 * Filters of the template language (`{{ trigger.phone | phone }}`).
 *
 * A fixed whitelist: templates come from users' graphs, so nothing in them is ever evaluated as code.
 * Filters pass null/undefined through (except `default`), so `| date:"…" | default:"—"` chains work.
 */
import { formatDate, parseDate } from './dates.ts';
import { formatPhone } from './phone.ts';

export type FilterArg = string | number;

export interface FilterSpec {
  /** Russian, for the editor's hint list. */
  title: string;
  /** Whether the filter takes an argument after `:`. */
  arg: 'none' | 'required' | 'optional';
  /** Example shown in the editor. */
  example: string;
  apply(value: unknown, arg: FilterArg | undefined): unknown;
}

const isNil = (v: unknown): v is null | undefined => v === undefined || v === null;

/** Objects are left alone by text filters: lowercasing JSON would be a surprise, not a feature. */
function mapText(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return fn(String(value));
  return value;
}

export const FILTERS: Readonly<Record<string, FilterSpec>> = Object.freeze({
  phone: {
    title: 'Телефон в формате +7XXXXXXXXXX',
    arg: 'none',
    example: '{{ trigger.phone | phone }}',
    apply: (value) => formatPhone(value),
  },
  trim: {
    title: 'Убрать пробелы по краям',
    arg: 'none',
    example: '{{ trigger.name | trim }}',
    apply: (value) => mapText(value, (s) => s.trim()),
  },
  lower: {
    title: 'В нижний регистр',
    arg: 'none',
    example: '{{ trigger.email | lower }}',
    apply: (value) => mapText(value, (s) => s.toLowerCase()),
  },
  upper: {
    title: 'В верхний регистр',
    arg: 'none',
    example: '{{ trigger.code | upper }}',
    apply: (value) => mapText(value, (s) => s.toUpperCase()),
  },
  default: {
    title: 'Значение по умолчанию, если поле пустое',
    arg: 'required',
    example: '{{ trigger.name | default:"Без имени" }}',
    apply: (value, arg) => (isNil(value) || value === '' ? arg : value),
  },
  date: {
    title: 'Дата по Москве в формате (YYYY, MM, DD, HH, mm, ss)',
    arg: 'optional',
    example: '{{ trigger.created_at | date:"DD.MM.YYYY HH:mm" }}',
    apply: (value, arg) => {
      if (isNil(value) || value === '') return value;
      const ms = parseDate(value);
      // An unparseable date is kept as is: a raw value in a message beats a broken one.
      return ms === null ? value : formatDate(ms, arg === undefined ? 'DD.MM.YYYY' : String(arg));
    },
  },
  json: {
    title: 'В формате JSON',
    arg: 'none',
    example: '{{ trigger.body | json }}',
    apply: (value) => (value === undefined ? '' : JSON.stringify(value)),
  },
});

export const FILTER_NAMES = Object.keys(FILTERS);

export function getFilter(name: string): FilterSpec | undefined {
  return Object.hasOwn(FILTERS, name) ? FILTERS[name] : undefined;
}
