import type { AmoCustomField, AmoCustomFieldValue, AmoEnum, AmoFieldValue } from './sim-types.ts';
import { isInt, isObj, issue, join, type ValidationIssue } from './validation.ts';

/** One field's new values; null clears the field. */
export interface FieldUpdate {
  field: AmoCustomField;
  values: AmoFieldValue[] | null;
}

const MAX_VALUES_PER_ENTITY = 40;
const ENUM_TYPES = new Set(['select', 'multiselect', 'radiobutton']);
const DATE_TYPES = new Set(['date', 'date_time', 'birthday']);

/**
 * Validates `custom_fields_values` of one write item against the entity's fields and converts the
 * accepted write forms (reference §4.6) into the stored read form.
 */
export function parseFieldValues(fields: AmoCustomField[], raw: unknown, path: string, issues: ValidationIssue[]): FieldUpdate[] | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push(issue.type(path, 'array'));
    return undefined;
  }
  if (raw.length > MAX_VALUES_PER_ENTITY) issues.push(issue.tooMany(path, MAX_VALUES_PER_ENTITY));
  const out: FieldUpdate[] = [];
  raw.forEach((item, i) => {
    const p = join(path, i);
    if (!isObj(item)) {
      issues.push(issue.type(p, 'object'));
      return;
    }
    let field: AmoCustomField | undefined;
    if (item.field_id !== undefined) {
      field = isInt(item.field_id) ? fields.find((f) => f.id === item.field_id) : undefined;
      if (!field) return void issues.push(issue.choice(join(p, 'field_id')));
    } else if (item.field_code !== undefined) {
      const code = typeof item.field_code === 'string' ? item.field_code.toUpperCase() : '';
      field = fields.find((f) => f.code !== null && f.code === code);
      if (!field) return void issues.push(issue.choice(join(p, 'field_code')));
    } else return void issues.push(issue.blank(join(p, 'field_id')));
    if (item.values === null) return void out.push({ field, values: null });
    if (!Array.isArray(item.values)) return void issues.push(issue.type(join(p, 'values'), 'array'));
    const values: AmoFieldValue[] = [];
    item.values.forEach((v, j) => {
      const parsed = parseOne(field, v, join(join(p, 'values'), j), issues);
      if (parsed) values.push(parsed);
    });
    out.push({ field, values: values.length === 0 ? null : values });
  });
  return out;
}

function parseOne(field: AmoCustomField, v: unknown, path: string, issues: ValidationIssue[]): AmoFieldValue | undefined {
  if (!isObj(v)) {
    issues.push(issue.type(path, 'object'));
    return undefined;
  }
  const enums = field.enums ?? [];
  if (ENUM_TYPES.has(field.type)) {
    if (v.enum_id !== undefined) {
      const e = enums.find((x) => x.id === v.enum_id);
      if (!e) return void issues.push(issue.choice(join(path, 'enum_id')));
      return { value: e.value, enum_id: e.id };
    }
    const text = typeof v.value === 'string' ? v.value.trim().toLowerCase() : undefined;
    const e = text === undefined ? undefined : enums.find((x) => x.value.toLowerCase() === text);
    if (!e) return void issues.push(issue.choice(join(path, v.value === undefined ? 'enum_id' : 'value')));
    return { value: e.value, enum_id: e.id };
  }
  if (field.type === 'multitext') {
    const value = scalarText(v.value);
    if (value === undefined || value === '') return void issues.push(issue.blank(join(path, 'value')));
    let e: AmoEnum | undefined = enums[0];
    if (v.enum_id !== undefined) {
      e = enums.find((x) => x.id === v.enum_id);
      if (!e) return void issues.push(issue.choice(join(path, 'enum_id')));
    } else if (v.enum_code !== undefined || v.enum !== undefined) {
      const code = String(v.enum_code ?? v.enum).toUpperCase();
      e = enums.find((x) => x.value === code);
      if (!e) return void issues.push(issue.choice(join(path, v.enum_code !== undefined ? 'enum_code' : 'enum')));
    }
    return e ? { value, enum_id: e.id, enum_code: e.value } : { value };
  }
  if (field.type === 'numeric' || field.type === 'price') {
    const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' && v.value.trim() !== '' ? Number(v.value) : NaN;
    if (!Number.isFinite(n)) return void issues.push(issue.type(join(path, 'value'), 'numeric'));
    // amoCRM hands numeric values back as strings.
    return { value: String(n) };
  }
  if (field.type === 'checkbox') {
    if (typeof v.value !== 'boolean') return void issues.push(issue.type(join(path, 'value'), 'bool'));
    return { value: v.value };
  }
  if (DATE_TYPES.has(field.type)) {
    const ts = toTimestamp(v.value);
    if (ts === undefined) return void issues.push(issue.type(join(path, 'value'), 'int'));
    return { value: ts };
  }
  const text = scalarText(v.value);
  if (text === undefined) return void issues.push(issue.type(join(path, 'value'), 'string'));
  return { value: text };
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Unix seconds from a number, a digit string or an RFC 3339 string (what the SDK writes). */
export function toTimestamp(v: unknown): number | undefined {
  if (isInt(v)) return v;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  if (/^-?\d+$/.test(v.trim())) return Number(v.trim());
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Applies updates by field id: given fields are replaced or cleared, the rest stay. */
export function applyFieldValues(current: AmoCustomFieldValue[] | null, updates: FieldUpdate[]): AmoCustomFieldValue[] | null {
  const out = [...(current ?? [])];
  for (const u of updates) {
    const idx = out.findIndex((x) => x.field_id === u.field.id);
    if (u.values === null) {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    const value: AmoCustomFieldValue = {
      field_id: u.field.id,
      field_name: u.field.name,
      field_code: u.field.code,
      field_type: u.field.type,
      values: u.values,
    };
    if (idx >= 0) out[idx] = value;
    else out.push(value);
  }
  return out.length === 0 ? null : out;
}

/** Plain-text values of a field set, used for full-text search. */
export function fieldTexts(values: AmoCustomFieldValue[] | null): string[] {
  const out: string[] = [];
  for (const f of values ?? []) for (const v of f.values) if (v.value !== undefined) out.push(String(v.value));
  return out;
}

export function fieldValuesByCode(values: AmoCustomFieldValue[] | null, code: string): string[] {
  const f = (values ?? []).find((x) => x.field_code === code);
  return f ? f.values.map((v) => String(v.value ?? '')) : [];
}
