/**
 * One webhook item (`leads[status][0]`, `contacts[add][1]`, …) → the typed entity of an event.
 * Each mapper returns null when the item has no usable id, so the caller skips it.
 */
import type { AmoAccount, AmoContact, AmoLead, AmoMessage, AmoNote, AmoParentEntity, AmoTask, AmoUnsorted } from './amo-webhook.types.ts';
import { contactChannels, normalizeCustomFields } from './custom-fields.ts';
import { int, isDict, listItems, nonEmpty, num, own, positiveInt, str, toIso, type Dict } from './form-values.ts';

export type MapOptions = { fieldTypes?: ReadonlyMap<string, string> };

const ELEMENT_TYPES: Record<number, AmoParentEntity> = { 1: 'contact', 2: 'lead', 3: 'company' };
const ENTITY_NAMES: Record<string, AmoParentEntity> = {
  lead: 'lead', leads: 'lead', contact: 'contact', contacts: 'contact', company: 'company', companies: 'company',
};

function parentEntity(elementType: number | null, entityName: unknown): AmoParentEntity | null {
  if (elementType !== null && Object.hasOwn(ELEMENT_TYPES, elementType)) return ELEMENT_TYPES[elementType]!;
  const name = nonEmpty(entityName)?.toLowerCase();
  return name && Object.hasOwn(ENTITY_NAMES, name) ? ENTITY_NAMES[name]! : null;
}

const dict = (value: unknown): Dict => (isDict(value) ? value : {});

export function mapAccount(raw: unknown): AmoAccount {
  const account = dict(raw);
  return {
    id: positiveInt(own(account, 'id')),
    subdomain: nonEmpty(own(account, 'subdomain')) ?? '',
    url: nonEmpty(own(dict(own(account, '_links')), 'self')),
  };
}

/** The body's account, with the id taken from the item when the body's account block lacks it. */
export function accountFor(base: AmoAccount, item: Dict): AmoAccount {
  return base.id !== null ? base : { ...base, id: positiveInt(own(item, 'account_id')) };
}

/** Tag names from `tags[i][name]`, a list of names, or a comma-separated string. */
function tagNames(raw: unknown): string[] {
  if (typeof raw === 'string') return raw.split(',').map((t) => t.trim()).filter(Boolean);
  const names: string[] = [];
  for (const tag of listItems(raw)) {
    const name = nonEmpty(isDict(tag) ? own(tag, 'name') : tag);
    if (name !== null) names.push(name);
  }
  return names;
}

/** Ids from `linked_leads_id[<id>][ID]` (a map), a list of `{ID}` or of ids, or a comma list. */
function linkedIds(raw: unknown): number[] {
  const ids = new Set<number>();
  const add = (value: unknown, fallback?: string) => {
    const id = positiveInt(isDict(value) ? own(value, 'ID') ?? own(value, 'id') : value) ?? positiveInt(fallback);
    if (id !== null) ids.add(id);
  };
  if (typeof raw === 'string') raw.split(',').forEach((v) => add(v));
  else if (Array.isArray(raw)) raw.forEach((v) => add(v));
  else if (isDict(raw)) for (const key of Object.keys(raw)) add(raw[key], key);
  return [...ids];
}

/** Optional ids go in only when present, so `old_status_id` is absent rather than null. */
function withOptional<T extends object>(target: T, extra: Record<string, number | null>): T {
  for (const [key, value] of Object.entries(extra)) if (value !== null) (target as Record<string, unknown>)[key] = value;
  return target;
}

export function mapLead(item: Dict, opts: MapOptions): AmoLead | null {
  const id = positiveInt(own(item, 'id'));
  if (id === null) return null;
  const lead = {
    id,
    name: str(own(item, 'name')) ?? '',
    status_id: int(own(item, 'status_id')),
    pipeline_id: int(own(item, 'pipeline_id')),
    responsible_user_id: int(own(item, 'responsible_user_id')),
    price: num(own(item, 'price')),
    created_at: toIso(own(item, 'created_at')) ?? toIso(own(item, 'date_create')),
    updated_at: toIso(own(item, 'updated_at')) ?? toIso(own(item, 'last_modified')),
    tags: tagNames(own(item, 'tags')),
    ...normalizeCustomFields(own(item, 'custom_fields') ?? own(item, 'custom_fields_values'), opts.fieldTypes),
  } satisfies AmoLead;
  return withOptional(lead, {
    old_status_id: int(own(item, 'old_status_id')),
    old_pipeline_id: int(own(item, 'old_pipeline_id')),
    old_responsible_user_id: int(own(item, 'old_responsible_user_id')),
    created_by: int(own(item, 'created_by') ?? own(item, 'created_user_id')),
    updated_by: int(own(item, 'updated_by') ?? own(item, 'modified_user_id')),
  });
}

export function mapContact(item: Dict, opts: MapOptions): AmoContact | null {
  const id = positiveInt(own(item, 'id'));
  if (id === null) return null;
  const fieldSet = normalizeCustomFields(own(item, 'custom_fields') ?? own(item, 'custom_fields_values'), opts.fieldTypes);
  const { phones, emails } = contactChannels(fieldSet.custom_fields);
  const fullName = [nonEmpty(own(item, 'first_name')), nonEmpty(own(item, 'last_name'))].filter(Boolean).join(' ');
  const contact = {
    id,
    name: str(own(item, 'name')) ?? fullName,
    responsible_user_id: int(own(item, 'responsible_user_id')),
    created_at: toIso(own(item, 'created_at')) ?? toIso(own(item, 'date_create')),
    updated_at: toIso(own(item, 'updated_at')) ?? toIso(own(item, 'last_modified')),
    phone: phones[0] ?? null,
    phones,
    email: emails[0] ?? null,
    emails,
    tags: tagNames(own(item, 'tags')),
    linked_lead_ids: linkedIds(own(item, 'linked_leads_id')),
    ...fieldSet,
  } satisfies AmoContact;
  return withOptional(contact, {
    created_by: int(own(item, 'created_by') ?? own(item, 'created_user_id')),
    updated_by: int(own(item, 'updated_by') ?? own(item, 'modified_user_id')),
  });
}

/** `leads[note][0][note][…]`; also tolerates the fields directly under `[0]`. */
export function mapNote(item: Dict, container: AmoParentEntity): AmoNote | null {
  const note = isDict(own(item, 'note')) ? (own(item, 'note') as Dict) : item;
  const id = positiveInt(own(note, 'id'));
  if (id === null) return null;
  const elementType = int(own(note, 'element_type'));
  return {
    id,
    text: str(own(note, 'text')) ?? '',
    note_type: int(own(note, 'note_type')),
    element_type: elementType,
    element_id: positiveInt(own(note, 'element_id')),
    entity: parentEntity(elementType, null) ?? container,
    created_at: toIso(own(note, 'created_at')) ?? toIso(own(note, 'date_create')),
    created_by: positiveInt(own(note, 'created_by')) ?? positiveInt(own(note, 'created_user_id')),
  };
}

export function mapTask(item: Dict): AmoTask | null {
  const id = positiveInt(own(item, 'id'));
  if (id === null) return null;
  const elementType = int(own(item, 'element_type'));
  const status = own(item, 'is_completed') ?? own(item, 'status');
  const result = own(item, 'result');
  return {
    id,
    text: str(own(item, 'text')) ?? '',
    task_type_id: int(own(item, 'task_type') ?? own(item, 'task_type_id')),
    is_completed: status === true || int(status) === 1 || status === 'true',
    element_type: elementType,
    element_id: positiveInt(own(item, 'element_id') ?? own(item, 'entity_id')),
    entity: parentEntity(elementType, own(item, 'entity_type')),
    responsible_user_id: int(own(item, 'responsible_user_id')),
    // `complete_before` is a timestamp; `complete_till` is local `Y-m-d H:i:s` text.
    complete_till: toIso(own(item, 'complete_before')) ?? toIso(own(item, 'complete_till')),
    created_at: toIso(own(item, 'created_at')) ?? toIso(own(item, 'date_create')),
    updated_at: toIso(own(item, 'updated_at')) ?? toIso(own(item, 'last_modified')),
    created_by: positiveInt(own(item, 'created_user_id') ?? own(item, 'created_by')),
    result_text: isDict(result) ? nonEmpty(own(result, 'text')) : nonEmpty(result),
  };
}

/** Ids from a list of `{id}` items or of bare ids. */
function itemIds(raw: unknown, into: Set<number>): void {
  for (const entry of listItems(raw)) {
    const id = positiveInt(isDict(entry) ? own(entry, 'id') : entry);
    if (id !== null) into.add(id);
  }
}

export function mapUnsorted(item: Dict): AmoUnsorted | null {
  const uid = nonEmpty(own(item, 'uid')) ?? nonEmpty(own(item, 'id'));
  if (uid === null) return null;
  const data = dict(own(item, 'data'));
  const accepted = dict(own(item, 'accept_result'));
  const leads = new Set<number>();
  const contacts = new Set<number>();
  const companies = new Set<number>();
  const leadId = positiveInt(own(item, 'lead_id'));
  if (leadId !== null) leads.add(leadId);
  itemIds(own(data, 'leads'), leads);
  itemIds(own(accepted, 'leads'), leads);
  itemIds(own(data, 'contacts'), contacts);
  itemIds(own(accepted, 'contacts'), contacts);
  itemIds(own(data, 'companies'), companies);
  itemIds(own(accepted, 'companies'), companies);
  return {
    id: uid,
    uid,
    category: nonEmpty(own(item, 'category')),
    source: nonEmpty(own(item, 'source')) ?? nonEmpty(own(item, 'source_name')),
    source_uid: nonEmpty(own(item, 'source_uid')),
    pipeline_id: positiveInt(own(item, 'pipeline_id')),
    created_at: toIso(own(item, 'created_at')) ?? toIso(own(item, 'date_create')),
    lead_ids: [...leads],
    contact_ids: [...contacts],
    company_ids: [...companies],
    action: nonEmpty(own(item, 'action')),
  };
}

export function mapMessage(item: Dict): AmoMessage | null {
  const id = nonEmpty(own(item, 'id'));
  if (id === null) return null;
  const author = own(item, 'author');
  return {
    id,
    chat_id: nonEmpty(own(item, 'chat_id')),
    talk_id: positiveInt(own(item, 'talk_id')),
    contact_id: positiveInt(own(item, 'contact_id')),
    text: str(own(item, 'text')) ?? '',
    type: nonEmpty(own(item, 'type')),
    created_at: toIso(own(item, 'created_at')),
    element_type: int(own(item, 'element_type')),
    element_id: positiveInt(own(item, 'element_id')),
    entity_type: nonEmpty(own(item, 'entity_type')),
    entity_id: positiveInt(own(item, 'entity_id')),
    author: isDict(author)
      ? {
          id: nonEmpty(own(author, 'id')),
          type: nonEmpty(own(author, 'type')),
          name: nonEmpty(own(author, 'name')),
          avatar_url: nonEmpty(own(author, 'avatar_url')),
        }
      : null,
    origin: nonEmpty(own(item, 'origin')),
  };
}
