import { badRequest, notFound } from './envelope.ts';
import { asArray, asBool, asInt, asObject, asString, has, type Json, type JsonObject } from './json-input.ts';
import type { SimCore } from './sim-core.ts';
import type { LptContact, LptDetail, LptDetailType, LptProject, LptState } from './sim-types.ts';

const DETAIL_TYPES: readonly LptDetailType[] = ['phone', 'email', 'skype', 'icq', 'facebook', 'vk', 'telegram', 'viber'];

export const digitsOnly = (s: string) => s.replace(/\D+/g, '');

export function projectOr(state: LptState, id: number | undefined, err: (msg: string) => Error): LptProject {
  const p = id === undefined ? undefined : state.projects.get(id);
  if (!p) throw err(id === undefined ? 'Не указан project_id' : `Проект ${id} не найден`);
  return p;
}

export function contactOr404(state: LptState, id: number): LptContact {
  const c = state.contacts.get(id);
  if (!c) throw notFound('Контакт');
  return c;
}

function parseDetails(raw: Json | undefined): { id?: number; type: LptDetailType; data: string }[] {
  if (raw === undefined || raw === null) return [];
  const list = asArray(raw);
  if (!list) throw badRequest('details должен быть списком [{type, data}]');
  return list.map((item) => {
    const o = asObject(item);
    const type = asString(o?.type) as LptDetailType | undefined;
    const data = asString(o?.data ?? o?.value)?.trim();
    if (!o || !type || !DETAIL_TYPES.includes(type)) throw badRequest(`Неизвестный тип контакта «${asString(o?.type) ?? ''}»`);
    if (!data) throw badRequest(`Пустое значение контакта типа ${type}`);
    return { id: asInt(o.id), type, data };
  });
}

function parseFields(state: LptState, projectId: number, raw: Json | undefined): Map<number, string | null> {
  const out = new Map<number, string | null>();
  if (raw === undefined || raw === null) return out;
  const map = asObject(raw);
  if (!map) throw badRequest('fields должен быть объектом {id поля: значение}');
  for (const [key, value] of Object.entries(map)) {
    const def = state.fields.get(Number(key));
    if (!/^\d+$/.test(key) || !def || def.projectId !== projectId) throw badRequest(`Поле контакта ${key} не найдено в проекте ${projectId}`);
    const s = value === null || value === undefined ? '' : asString(value);
    if (s === undefined) throw badRequest(`Поле контакта ${key} ожидает строку`);
    out.set(def.id, s === '' ? null : s);
  }
  return out;
}

/** POST /contact, and the inline `contact` of POST /lead. */
export function createContact(core: SimCore, body: JsonObject): LptContact {
  const { state } = core;
  const project = projectOr(state, asInt(body.project_id), badRequest);
  const details = parseDetails(body.details);
  // The docs make a phone or an email mandatory; other messengers alone are not enough.
  if (!details.some((d) => d.type === 'phone' || d.type === 'email')) throw badRequest('Укажите хотя бы один телефон или email контакта');
  const fields = parseFields(state, project.id, body.fields);
  const contact: LptContact = {
    id: state.seq.contact++,
    projectId: project.id,
    name: asString(body.name) ?? '',
    profession: asString(body.profession) ?? '',
    site: asString(body.site) ?? '',
    details: details.map((d) => ({ id: state.seq.detail++, type: d.type, data: d.data })),
    fields: new Map([...fields].filter((e): e is [number, string] => e[1] !== null)),
    createdAt: core.clock.now(),
  };
  state.contacts.set(contact.id, contact);
  return contact;
}

/** PUT /contact/{id}: details with an id are edited, new ones appended; `clear_contacts` replaces the list. */
export function updateContact(core: SimCore, contact: LptContact, body: JsonObject): LptContact {
  const { state } = core;
  const details = has(body, 'details') ? parseDetails(body.details) : undefined;
  const fields = parseFields(state, contact.projectId, body.fields ?? body.field);
  if (has(body, 'name')) contact.name = asString(body.name) ?? '';
  if (has(body, 'profession')) contact.profession = asString(body.profession) ?? '';
  if (has(body, 'site')) contact.site = asString(body.site) ?? '';
  if (details) {
    const next: LptDetail[] = asBool(body.clear_contacts) ? [] : contact.details;
    for (const d of details) {
      const existing = d.id === undefined ? undefined : next.find((x) => x.id === d.id);
      if (existing) Object.assign(existing, { type: d.type, data: d.data });
      else if (!next.some((x) => x.type === d.type && x.data === d.data)) next.push({ id: state.seq.detail++, type: d.type, data: d.data });
    }
    contact.details = next;
  }
  for (const [id, value] of fields) {
    if (value === null) contact.fields.delete(id);
    else contact.fields.set(id, value);
  }
  return contact;
}

/** GET /contact/search: project_id plus at least one filter; phones compare by digits only. */
export function searchContacts(state: LptState, query: JsonObject): LptContact[] {
  const project = projectOr(state, asInt(query.project_id), badRequest);
  const values = (v: Json | undefined) => (asArray(v) ?? (v === undefined ? [] : [v])).map((x) => asString(x) ?? '').filter(Boolean);
  const phones = values(query.phone).map(digitsOnly).filter(Boolean);
  const emails = values(query.email).map((e) => e.trim().toLowerCase());
  const maxIds = [...values(query.max_bot_id), ...values(query.max_user_id)];
  if (phones.length === 0 && emails.length === 0 && maxIds.length === 0) {
    throw badRequest('Укажите хотя бы один параметр поиска: phone, email, max_bot_id или max_user_id');
  }
  return [...state.contacts.values()].filter((c) =>
    c.projectId === project.id &&
    c.details.some((d) =>
      (d.type === 'phone' && phones.includes(digitsOnly(d.data))) ||
      (d.type === 'email' && emails.includes(d.data.trim().toLowerCase()))));
}

export function findDetail(state: LptState, detailId: number): LptDetail {
  for (const c of state.contacts.values()) {
    const d = c.details.find((x) => x.id === detailId);
    if (d) return d;
  }
  throw notFound('Контакт (деталь)');
}
