/**
 * Custom lead field values chosen by name (`{ "Город": "Краснодар" }`) → LPTracker's write map
 * `custom: { "<field id>": value }`, checked against the project's field definitions: category
 * fields take only their options, number fields numbers.
 */
import { UserError } from '../../../core/sdk/index.ts';
import type { LptFieldMeta, LptProjectMeta } from '../metadata/lpt-metadata.types.ts';

const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

export function findField(fields: LptFieldMeta[], key: string): LptFieldMeta | undefined {
  return fields.find((f) => f.name === key) ?? fields.find((f) => norm(f.name) === norm(key)) ?? (/^\d+$/.test(key.trim()) ? fields.find((f) => f.id === Number(key)) : undefined);
}

/** A number from `1000`, `"1000"`, `"1 000,50"`; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const asText = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'object' ? JSON.stringify(v) : String(v));

function categoryValue(field: LptFieldMeta, value: unknown): string | string[] {
  const items = (Array.isArray(value) ? value : [value]).map(asText).filter(Boolean);
  const options = field.categories ?? [];
  const canonical = items.map((item) => {
    if (options.length === 0) return item;
    const hit = options.find((o) => o === item) ?? options.find((o) => norm(o) === norm(item));
    if (!hit) {
      throw new UserError('LPTRACKER_FIELD_VALUE', `Поле «${field.name}»: нет варианта «${item.slice(0, 100)}». Варианты: ${options.join(', ')}.`);
    }
    return hit;
  });
  if (canonical.length > 1 && !field.multi) {
    throw new UserError('LPTRACKER_FIELD_VALUE', `В поле «${field.name}» можно выбрать только один вариант, получено: ${canonical.join(', ')}.`);
  }
  // A plain string is what a single choice is written as (reads give a list either way).
  return field.multi ? canonical : canonical[0]!;
}

export function fieldValue(field: LptFieldMeta, value: unknown): string | number | string[] {
  if (field.type === 'cats' || (field.categories?.length ?? 0) > 0) return categoryValue(field, value);
  if (field.type === 'number') {
    const n = toNumber(Array.isArray(value) ? value[0] : value);
    if (n === undefined) throw new UserError('LPTRACKER_FIELD_VALUE', `Поле «${field.name}»: ожидается число, получено «${asText(value).slice(0, 100)}».`);
    return n;
  }
  return Array.isArray(value) ? value.map(asText).filter(Boolean).join(', ') : asText(value);
}

/**
 * The `custom` map of a lead write. Empty values are left out (a mapping whose source is empty
 * does not wipe what LPTracker has); an unknown field name is the user's mistake and says so.
 */
export function customWrites(values: Record<string, unknown> | undefined, project: LptProjectMeta): Record<string, string | number | string[]> {
  const custom: Record<string, string | number | string[]> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (blank(value)) continue;
    const field = findField(project.leadFields, key);
    if (!field) {
      throw new UserError('LPTRACKER_FIELD_UNKNOWN', `В проекте «${project.name}» нет поля лида «${key}»: выберите поле заново или обновите справочники в «Настройках».`);
    }
    custom[String(field.id)] = fieldValue(field, value);
  }
  return custom;
}
