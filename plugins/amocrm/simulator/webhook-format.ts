import { linkedIds } from './sim-state.ts';
import type { AmoAccount, AmoCompany, AmoContact, AmoCustomFieldValue, AmoLead, AmoNote, AmoState, AmoTag, AmoTask, AmoWebhookEvent } from './sim-types.ts';

// Webhooks still use the API v2 form shape (reference §7.2/7.3): PHP bracket keys, legacy field
// names next to the new ones, custom fields as `custom_fields[i][values][j][value|enum]`.

type Pairs = [string, string][];

const DATE_TYPES = new Set(['date', 'date_time', 'birthday']);

// Legacy numeric note types (v2): 4 common text, 5 attachment, 10/11 calls, 25 system message.
const NOTE_TYPE_CODES: Record<string, number> = {
  common: 4,
  attachment: 5,
  call_in: 10,
  call_out: 11,
  service_message: 25,
  extended_service_message: 25,
  sms_in: 102,
  sms_out: 103,
  geolocation: 24,
};
const ELEMENT_TYPES = { contacts: 1, leads: 2, companies: 3 } as const;

export interface LeadChange {
  old_status_id?: number;
  old_pipeline_id?: number;
  old_responsible_user_id?: number;
}

export function customFieldPairs(values: AmoCustomFieldValue[] | null): Pairs {
  const out: Pairs = [];
  (values ?? []).forEach((f, i) => {
    const k = `[custom_fields][${i}]`;
    out.push([`${k}[id]`, String(f.field_id)], [`${k}[name]`, f.field_name]);
    f.values.forEach((v, j) => {
      if (DATE_TYPES.has(f.field_type)) {
        out.push([`${k}[values][${j}]`, String(v.value ?? '')]);
        return;
      }
      const value = typeof v.value === 'boolean' ? (v.value ? '1' : '0') : String(v.value ?? '');
      out.push([`${k}[values][${j}][value]`, value]);
      if (v.enum_id !== undefined) out.push([`${k}[values][${j}][enum]`, String(v.enum_id)]);
    });
    if (f.field_code) out.push([`${k}[code]`, f.field_code]);
  });
  return out;
}

function tagPairs(tags: AmoTag[]): Pairs {
  return tags.flatMap((t, i): Pairs => [
    [`[tags][${i}][id]`, String(t.id)],
    [`[tags][${i}][name]`, t.name],
  ]);
}

export function leadPairs(lead: AmoLead, change: LeadChange = {}): Pairs {
  const out: Pairs = [
    ['[id]', String(lead.id)],
    ['[name]', lead.name],
    ['[status_id]', String(lead.status_id)],
  ];
  if (change.old_status_id !== undefined) out.push(['[old_status_id]', String(change.old_status_id)]);
  // Empty values are left out, as in real captures (a lead without a price has no price key).
  if (lead.price) out.push(['[price]', String(lead.price)]);
  out.push(['[responsible_user_id]', String(lead.responsible_user_id)]);
  if (change.old_responsible_user_id !== undefined) out.push(['[old_responsible_user_id]', String(change.old_responsible_user_id)]);
  out.push(
    ['[last_modified]', String(lead.updated_at)],
    ['[modified_user_id]', String(lead.updated_by)],
    ['[created_user_id]', String(lead.created_by)],
    ['[date_create]', String(lead.created_at)],
    ['[pipeline_id]', String(lead.pipeline_id)],
  );
  if (change.old_pipeline_id !== undefined) out.push(['[old_pipeline_id]', String(change.old_pipeline_id)]);
  if (lead.closed_at) out.push(['[date_close]', String(lead.closed_at)]);
  out.push(...tagPairs(lead.tags), ['[account_id]', String(lead.account_id)], ...customFieldPairs(lead.custom_fields_values));
  out.push(['[created_at]', String(lead.created_at)], ['[updated_at]', String(lead.updated_at)]);
  return out;
}

export function leadDeletePairs(lead: AmoLead): Pairs {
  return [
    ['[id]', String(lead.id)],
    ['[status_id]', String(lead.status_id)],
    ['[pipeline_id]', String(lead.pipeline_id)],
  ];
}

/** Contacts and companies share one event family; `type` tells them apart. */
export function contactPairs(state: AmoState, entity: AmoContact | AmoCompany, type: 'contact' | 'company'): Pairs {
  const out: Pairs = [
    ['[id]', String(entity.id)],
    ['[name]', entity.name],
    ['[responsible_user_id]', String(entity.responsible_user_id)],
    ['[date_create]', String(entity.created_at)],
    ['[last_modified]', String(entity.updated_at)],
    ['[created_user_id]', String(entity.created_by)],
    ['[modified_user_id]', String(entity.updated_by)],
    ['[account_id]', String(entity.account_id)],
    ...tagPairs(entity.tags),
    ...customFieldPairs(entity.custom_fields_values),
  ];
  const kind = type === 'contact' ? 'contacts' : 'companies';
  for (const l of linkedIds(state, kind, entity.id, 'leads')) out.push([`[linked_leads_id][${l.id}][ID]`, String(l.id)]);
  if (type === 'contact') {
    const company = linkedIds(state, 'contacts', entity.id, 'companies')[0];
    if (company) out.push(['[linked_company_id]', String(company.id)]);
  }
  out.push(['[created_at]', String(entity.created_at)], ['[updated_at]', String(entity.updated_at)], ['[type]', type]);
  return out;
}

export function contactDeletePairs(id: number, type: 'contact' | 'company'): Pairs {
  return [
    ['[id]', String(id)],
    ['[type]', type],
  ];
}

export function notePairs(note: AmoNote): Pairs {
  const text = typeof note.params.text === 'string' && note.note_type === 'common' ? note.params.text : JSON.stringify(note.params);
  return [
    ['[note][id]', String(note.id)],
    ['[note][text]', text],
    ['[note][note_type]', String(NOTE_TYPE_CODES[note.note_type] ?? 4)],
    ['[note][element_type]', String(ELEMENT_TYPES[note.entity_type])],
    ['[note][element_id]', String(note.entity_id)],
    ['[note][date_create]', moscowDateTime(note.created_at)],
    ['[note][created_by]', String(note.created_by)],
    ['[note][main_user_id]', String(note.responsible_user_id)],
    ['[note][account_id]', String(note.account_id)],
    ['[note][created_at]', String(note.created_at)],
    ['[note][updated_at]', String(note.updated_at)],
  ];
}

export function taskPairs(task: AmoTask): Pairs {
  const out: Pairs = [['[id]', String(task.id)]];
  if (task.entity_id !== null && task.entity_type !== null) {
    out.push(['[element_id]', String(task.entity_id)], ['[element_type]', String(ELEMENT_TYPES[task.entity_type])]);
  }
  out.push(
    ['[task_type]', String(task.task_type_id)],
    ['[text]', task.text],
    ['[status]', task.is_completed ? '1' : '0'],
    ['[complete_till]', moscowDateTime(task.complete_till)],
    ['[complete_before]', String(task.complete_till)],
    ['[responsible_user_id]', String(task.responsible_user_id)],
    ['[created_user_id]', String(task.created_by)],
    ['[date_create]', moscowDateTime(task.created_at)],
    ['[last_modified]', moscowDateTime(task.updated_at)],
    ['[account_id]', String(task.account_id)],
    ['[action_close]', task.is_completed ? '1' : '0'],
  );
  if (task.result) out.push(['[result][text]', task.result.text]);
  out.push(['[created_at]', String(task.created_at)], ['[updated_at]', String(task.updated_at)]);
  return out;
}

/** "Y-m-d H:i:s" in the account's zone (Europe/Moscow, UTC+3 all year). */
export function moscowDateTime(ts: number): string {
  return new Date((ts + 3 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** One form body with every event, numbered per `{entity}[{action}]` group, then the account block. */
export function buildWebhookBody(events: AmoWebhookEvent[], account: AmoAccount, selfUrl: string): string {
  const form = new URLSearchParams();
  const counters = new Map<string, number>();
  for (const e of events) {
    const group = `${e.entity}[${e.action}]`;
    const i = counters.get(group) ?? 0;
    counters.set(group, i + 1);
    for (const [k, v] of e.pairs) form.append(`${group}[${i}]${k}`, v);
  }
  form.append('account[subdomain]', account.subdomain);
  form.append('account[id]', String(account.id));
  form.append('account[_links][self]', selfUrl);
  return form.toString();
}
