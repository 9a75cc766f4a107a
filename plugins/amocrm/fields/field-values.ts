/**
 * Values for custom fields chosen by name (`{ "Город": "Краснодар", "Количество": "5" }`) → the
 * `custom_fields_values` AmoCRM writes, by each field's type: numbers as numbers, list fields by
 * the option's id (found by its text), dates as unix seconds, phones in E.164. Empty values are
 * skipped, never sent as «clear»: a template that found nothing must not wipe CRM data.
 */
import { normalizePhone, UserError } from '../../../core/sdk/index.ts';
import type { AmoFieldMeta } from '../metadata/amo-metadata.types.ts';

export type WriteValue = { value?: string | number | boolean; enum_id?: number; enum_code?: string };
export interface FieldWrite {
  field_id: number;
  values: WriteValue[];
}

const ENUM_ONE = new Set(['select', 'radiobutton', 'category']);
const NUMBER_TYPES = new Set(['numeric', 'price', 'monetary']);
const DATE_TYPES = new Set(['date', 'birthday']);
const TRUE = new Set(['1', 'true', 'да', 'yes', 'y', 'on', 'вкл']);
const FALSE = new Set(['0', 'false', 'нет', 'no', 'n', 'off', 'выкл']);
const MOSCOW_OFFSET_S = 3 * 3600;

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export function findField(fields: AmoFieldMeta[], name: string): AmoFieldMeta | undefined {
  const wanted = name.trim().toLowerCase();
  return fields.find((f) => f.name.trim().toLowerCase() === wanted) ?? fields.find((f) => f.code !== null && f.code.toLowerCase() === wanted);
}

function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v.filter((x) => !isEmpty(x));
  if (typeof v === 'string') return v.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  return [v];
}

function fail(field: AmoFieldMeta, text: string): never {
  throw new UserError('AMOCRM_FIELD_VALUE', `Поле «${field.name}»: ${text}`);
}

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/**
 * Unix seconds from a timestamp (s or ms), `YYYY-MM-DD`, `DD.MM.YYYY`, ISO date-time or
 * `DD.MM.YYYY HH:mm`. A calendar date is its UTC midnight (as AmoCRM stores date fields); a time
 * without an offset is Moscow time.
 */
export function toUnixSeconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{9,13}$/.test(v.trim()) ? Number(v.trim()) : undefined;
  if (n !== undefined) return Number.isFinite(n) ? Math.floor(n > 1e11 ? n / 1000 : n) : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  const parts = (m: RegExpExecArray | null, order: number[]) => (m ? order.map((i) => Number(m[i] ?? 0)) : undefined);
  const date = parts(/^(\d{4})-(\d{2})-(\d{2})$/.exec(s), [1, 2, 3]) ?? parts(/^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s), [3, 2, 1]);
  if (date) {
    const [y, mo, d] = date as [number, number, number];
    const ms = Date.UTC(y, mo - 1, d);
    return new Date(ms).getUTCDate() === d ? ms / 1000 : undefined;
  }
  const local =
    parts(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(s), [1, 2, 3, 4, 5, 6]) ??
    parts(/^(\d{2})\.(\d{2})\.(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s), [3, 2, 1, 4, 5, 6]);
  if (local) {
    const [y, mo, d, h, mi, sec] = local as [number, number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi, sec) / 1000 - MOSCOW_OFFSET_S;
  }
  const parsed = /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(s) ? Date.parse(s) : NaN;
  return Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000);
}

function enumOf(field: AmoFieldMeta, v: unknown): number {
  const enums = field.enums ?? [];
  const t = text(v).toLowerCase();
  const byText = enums.find((e) => e.value.trim().toLowerCase() === t);
  if (byText) return byText.id;
  const asId = toNumber(v);
  if (asId !== undefined && enums.some((e) => e.id === asId)) return asId;
  const known = enums.slice(0, 10).map((e) => e.value).join(', ');
  return fail(field, `значения «${text(v)}» нет в списке${known ? ` (${known}${enums.length > 10 ? ', …' : ''})` : ''}`);
}

function convert(field: AmoFieldMeta, raw: unknown): WriteValue[] {
  if (ENUM_ONE.has(field.type)) return [{ enum_id: enumOf(field, Array.isArray(raw) ? raw[0] : raw) }];
  if (field.type === 'multiselect') return list(raw).map((v) => ({ enum_id: enumOf(field, v) }));
  if (field.type === 'multitext') {
    return list(raw).map((v) => {
      const value = field.code === 'PHONE' ? (normalizePhone(v) ?? text(v)) : text(v);
      return { value, enum_code: 'WORK' };
    });
  }
  const one = Array.isArray(raw) ? raw[0] : raw;
  if (NUMBER_TYPES.has(field.type)) {
    const n = toNumber(one);
    return n === undefined ? fail(field, `ожидается число, получено «${text(one)}»`) : [{ value: n }];
  }
  if (field.type === 'checkbox') {
    if (typeof one === 'boolean') return [{ value: one }];
    const t = text(one).toLowerCase();
    if (TRUE.has(t)) return [{ value: true }];
    if (FALSE.has(t)) return [{ value: false }];
    return fail(field, `ожидается «да» или «нет», получено «${text(one)}»`);
  }
  if (DATE_TYPES.has(field.type) || field.type === 'date_time') {
    const ts = toUnixSeconds(one);
    return ts === undefined ? fail(field, `ожидается дата (например, 2025-03-01 или 01.03.2025), получено «${text(one)}»`) : [{ value: ts }];
  }
  return [{ value: text(one) }];
}

/** Writes for the fields of `values` (by field name or code) among `fields` of one entity kind. */
export function fieldWrites(values: Record<string, unknown>, fields: AmoFieldMeta[], entityRu: string): FieldWrite[] {
  const out: FieldWrite[] = [];
  for (const [name, raw] of Object.entries(values)) {
    if (isEmpty(raw)) continue;
    const field = findField(fields, name);
    if (!field) {
      throw new UserError('AMOCRM_FIELD_UNKNOWN', `Поле «${name}» не найдено среди полей ${entityRu} AmoCRM: проверьте название или обновите метаданные в «Настройках».`);
    }
    const converted = convert(field, raw);
    if (converted.length > 0) out.push({ field_id: field.id, values: converted });
  }
  return out;
}

/** Field names of writes in order, for validation messages. */
export function fieldNames(writes: FieldWrite[], fields: AmoFieldMeta[]): string[] {
  return writes.map((w) => fields.find((f) => f.id === w.field_id)?.name ?? String(w.field_id));
}

/**
 * Written values in the read shape (`field_name`, list values as text), to describe what was
 * written without reading it back.
 */
export function asReadForm(written: Array<{ field_id?: number; field_code?: string; values: WriteValue[] }>, fields: AmoFieldMeta[]): Record<string, unknown>[] {
  return written.flatMap((w) => {
    const field = w.field_id !== undefined ? fields.find((f) => f.id === w.field_id) : fields.find((f) => f.code === w.field_code);
    if (!field) return [];
    const values = w.values.map((v) => (v.enum_id !== undefined ? { value: field.enums?.find((e) => e.id === v.enum_id)?.value ?? v.enum_id, enum_id: v.enum_id } : { value: v.value }));
    return [{ field_id: field.id, field_name: field.name, field_code: field.code, field_type: field.type, values }];
  });
}
