import { badRequest } from './envelope.ts';
import { asArray, asObject, asString, type Json, type JsonObject } from './json-input.ts';
import type { LptCustomField, LptCustomValue, LptState } from './sim-types.ts';

/** Turns a written value into the stored one; null clears the field. */
export function coerceCustom(field: LptCustomField, raw: Json | undefined): LptCustomValue | null {
  if (raw === undefined || raw === null || raw === '') return null;
  switch (field.type) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(',', '.').trim()) : NaN;
      if (!Number.isFinite(n)) throw badRequest(`Поле «${field.name}» ожидает число`);
      return n;
    }
    case 'cats': {
      // A plain string works on write; reads always give a list.
      const list = asArray(raw) ?? [raw];
      const names: string[] = [];
      for (const item of list) {
        const name = categoryName(field, item);
        if (name === undefined) throw badRequest(`В поле «${field.name}» нет варианта «${asString(item) ?? JSON.stringify(item)}»`);
        if (!names.includes(name)) names.push(name);
      }
      if (names.length === 0) return null;
      if (!field.isMultiSelect && names.length > 1) throw badRequest(`В поле «${field.name}» можно выбрать только один вариант`);
      return names;
    }
    default: {
      const s = asString(raw);
      if (s === undefined) throw badRequest(`Поле «${field.name}» ожидает строку`);
      return s;
    }
  }
}

/** Options are accepted by name or by category id. */
function categoryName(field: LptCustomField, item: Json): string | undefined {
  const obj = asObject(item);
  const key = obj ? asString(obj.name ?? obj.category ?? obj.id) : asString(item);
  if (key === undefined) return undefined;
  const cat = field.categories.find((c) => c.name === key) ?? field.categories.find((c) => String(c.id) === key);
  return cat?.name;
}

export function customField(state: LptState, projectId: number, fieldId: number): LptCustomField {
  const field = state.customs.get(fieldId);
  if (!field || field.projectId !== projectId) throw badRequest(`Поле конструктора ${fieldId} не найдено в проекте ${projectId}`);
  return field;
}

/** Validates a whole `{fieldId: value}` map before anything is written. */
export function parseCustomMap(state: LptState, projectId: number, raw: Json | undefined): Map<number, LptCustomValue | null> {
  const out = new Map<number, LptCustomValue | null>();
  if (raw === undefined || raw === null) return out;
  // Some clients send the read shape back: [{id, value}]. Digit-keyed objects are the map itself.
  const list = Array.isArray(raw) ? raw : undefined;
  if (list && list.every((x) => asObject(x)?.id !== undefined)) {
    for (const item of list) {
      const o = asObject(item) as JsonObject;
      const id = Number(o.id);
      out.set(id, coerceCustom(customField(state, projectId, id), o.value));
    }
    return out;
  }
  const map = asObject(raw);
  if (!map) throw badRequest('custom должен быть объектом {id поля: значение}');
  for (const [key, value] of Object.entries(map)) {
    if (!/^\d+$/.test(key)) throw badRequest(`Поле конструктора ${key} не найдено в проекте ${projectId}`);
    const id = Number(key);
    out.set(id, coerceCustom(customField(state, projectId, id), value));
  }
  return out;
}
