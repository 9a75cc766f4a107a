/**
 * Custom fields of AmoCRM webhooks (the old v2 shape) → values users can template and compare.
 *
 * Webhooks send `custom_fields[i][id|name|code]` and `[values]` as a list of `{value, enum}`, as a
 * single `{value, enum}` (radiobutton), or as bare scalars (date fields: `values[0]=1542067200`).
 * Field types are not in the webhook; the connection's metadata may supply them via `fieldTypes`.
 */
import { normalizePhone } from '../../../core/sdk/index.ts';
import { isDict, int, listItems, nonEmpty, num, own, positiveInt, setOwn, str, timestampToDate, timestampToIso } from './form-values.ts';

export type AmoFieldScalar = string | number | boolean;
/** One value → the scalar; several (multiselect, multitext) → a list; none → null. */
export type AmoFieldValue = AmoFieldScalar | AmoFieldScalar[] | null;

/** A value as received: the text (enum text for lists, not the enum id) and the enum id if any. */
export type AmoCustomFieldValue = { value: AmoFieldScalar; enum: number | null };

export type AmoCustomField = { id: number; name: string; code: string | null; values: AmoCustomFieldValue[] };

export type AmoFieldSetValues = {
  fields: Record<string, AmoFieldValue>;
  fields_by_id: Record<string, AmoFieldValue>;
  custom_fields: AmoCustomField[];
};

const DATE_TYPES = new Set(['date', 'birthday']);
const NUMBER_TYPES = new Set(['numeric', 'price', 'monetary']);
const TRUE_TEXT = new Set(['1', 'true', 'y', 'yes', 'on', 'да']);
const FALSE_TEXT = new Set(['0', 'false', 'n', 'no', 'off', 'нет', '']);

function scalar(value: unknown): AmoFieldScalar | null {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

/**
 * A value converted by the field's type; without a known type only a bare numeric value changes
 * (to an ISO date-time), because AmoCRM sends exactly date fields that way.
 */
function convert(value: AmoFieldScalar, type: string | null, bare: boolean): AmoFieldScalar {
  if (type === null) {
    if (!bare) return value;
    return timestampToIso(value) ?? value;
  }
  if (DATE_TYPES.has(type)) return timestampToDate(value) ?? value;
  if (type === 'date_time') return timestampToIso(value) ?? value;
  if (NUMBER_TYPES.has(type)) return num(value) ?? value;
  if (type === 'checkbox') {
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (TRUE_TEXT.has(text)) return true;
    if (FALSE_TEXT.has(text)) return false;
  }
  return value;
}

function fieldValues(raw: unknown): Array<{ value: AmoFieldScalar; enum: number | null; bare: boolean }> {
  const items = scalar(raw) === null ? listItems(raw) : [raw];
  const out: Array<{ value: AmoFieldScalar; enum: number | null; bare: boolean }> = [];
  for (const item of items) {
    if (isDict(item)) {
      const value = scalar(own(item, 'value'));
      if (value === null) continue;
      out.push({ value, enum: int(own(item, 'enum') ?? own(item, 'enum_id')), bare: false });
    } else {
      const value = scalar(item);
      if (value !== null) out.push({ value, enum: null, bare: true });
    }
  }
  return out;
}

/**
 * `fields` (by name; the first field wins when two share a name), `fields_by_id`, and the raw list.
 * Also accepts the v4 names (`field_id`, `field_name`, `field_code`, `field_type`) so JSON bodies
 * copied from the REST API work too.
 */
export function normalizeCustomFields(raw: unknown, fieldTypes?: ReadonlyMap<string, string>): AmoFieldSetValues {
  const fields: Record<string, AmoFieldValue> = {};
  const byId: Record<string, AmoFieldValue> = {};
  const list: AmoCustomField[] = [];
  for (const item of listItems(raw)) {
    if (!isDict(item)) continue;
    const id = positiveInt(own(item, 'id') ?? own(item, 'field_id'));
    if (id === null) continue;
    const key = String(id);
    if (Object.hasOwn(byId, key)) continue;
    const name = (str(own(item, 'name') ?? own(item, 'field_name')) ?? '').trim();
    const code = nonEmpty(own(item, 'code') ?? own(item, 'field_code'));
    const type = fieldTypes?.get(key) ?? nonEmpty(own(item, 'field_type'))?.toLowerCase() ?? null;
    const values = fieldValues(own(item, 'values'));
    const converted = values.map((v) => convert(v.value, type, v.bare));
    const value: AmoFieldValue = converted.length === 0 ? null : converted.length === 1 ? converted[0]! : converted;
    list.push({ id, name, code, values: values.map((v) => ({ value: v.value, enum: v.enum })) });
    byId[key] = value;
    if (name !== '' && !Object.hasOwn(fields, name)) setOwn(fields, name, value);
  }
  return { fields, fields_by_id: byId, custom_fields: list };
}

const PHONE_NAMES = new Set(['телефон', 'phone']);
const EMAIL_NAMES = new Set(['email', 'e-mail', 'почта']);

function isChannel(field: AmoCustomField, code: string, names: Set<string>): boolean {
  if (field.code !== null) return field.code.toUpperCase() === code;
  // Old payloads may lack `code`; the default fields keep their default names.
  return names.has(field.name.toLowerCase());
}

/** Phones (E.164 when Russian, else as typed) and emails from the PHONE / EMAIL fields, deduplicated. */
export function contactChannels(custom: AmoCustomField[]): { phones: string[]; emails: string[] } {
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const field of custom) {
    const phone = isChannel(field, 'PHONE', PHONE_NAMES);
    const email = !phone && isChannel(field, 'EMAIL', EMAIL_NAMES);
    if (!phone && !email) continue;
    for (const { value } of field.values) {
      const text = String(value).trim();
      if (text === '') continue;
      if (phone) phones.add(normalizePhone(text) ?? text);
      else emails.add(text);
    }
  }
  return { phones: [...phones], emails: [...emails] };
}
