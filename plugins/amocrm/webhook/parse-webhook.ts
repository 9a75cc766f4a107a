/**
 * AmoCRM account webhooks → typed events. Pure: the body comes already parsed (qs for forms, or
 * JSON of the same nested shape) and nothing here does IO or reads the clock.
 *
 * The body is `{entity}[{action}][{i}][…]`: entities `leads`, `contacts` (companies are contacts
 * with `type=company`), `task`, `unsorted`, `message`; actions `add`, `update`, `delete`,
 * `restore`, `status`, `responsible`, `note`. One body may carry several entities and actions;
 * events come out in body order. Malformed items are skipped; a body with nothing recognizable
 * gives [] (the caller reports «событие не распознано»).
 */
import type {
  AmoAccount,
  AmoCompanyEventType,
  AmoContactEventType,
  AmoLead,
  AmoLeadEventType,
  AmoParentEntity,
  AmoParseOptions,
  AmoTaskEventType,
  AmoUnsortedEventType,
  AmoWebhookEvent,
} from './amo-webhook.types.ts';
import { hash, isDict, listItems, nonEmpty, own, stamp, type Dict } from './form-values.ts';
import { accountFor, mapAccount, mapContact, mapLead, mapMessage, mapNote, mapTask, mapUnsorted } from './map-entities.ts';

export type * from './amo-webhook.types.ts';

type Ctx = {
  account: AmoAccount;
  opts: AmoParseOptions;
  events: AmoWebhookEvent[];
  keys: Set<string>;
  /** Leads that already have a status event: `leads[status]` and `leads[update]` often both come. */
  statusLeads: Set<number>;
};

function emit(ctx: Ctx, event: AmoWebhookEvent): void {
  // The same change twice in one body (a repeated item) is one event.
  if (ctx.keys.has(event.dedupeKey)) return;
  ctx.keys.add(event.dedupeKey);
  ctx.events.push(event);
}

/** The version part of a dedupe key: the change's timestamp, else a hash of what we saw. */
function version(item: Dict, data: unknown, ...stampKeys: string[]): string {
  return stamp(item, ...stampKeys) ?? `h${hash(JSON.stringify(data))}`;
}

const UPDATED = ['updated_at', 'last_modified'];

/** Items of one action list that are objects; anything else in the list is noise. */
function* dictItems(list: unknown): Generator<Dict> {
  for (const item of listItems(list)) if (isDict(item)) yield item;
}

function noteEvents(ctx: Ctx, list: unknown, container: AmoParentEntity): void {
  for (const item of dictItems(list)) {
    const note = mapNote(item, container);
    if (!note) continue;
    const inner = own(item, 'note');
    const account = accountFor(ctx.account, isDict(inner) ? inner : item);
    emit(ctx, {
      type: 'amocrm.note_added',
      entity: { type: 'note', id: String(note.id) },
      data: { note, account },
      dedupeKey: `note:${note.id}:added`,
    });
  }
}

function leadEvent(ctx: Ctx, type: AmoLeadEventType, lead: AmoLead, item: Dict, dedupeKey: string): void {
  emit(ctx, { type, entity: { type: 'lead', id: String(lead.id) }, data: { lead, account: accountFor(ctx.account, item) }, dedupeKey });
}

function statusEvent(ctx: Ctx, lead: AmoLead, item: Dict): void {
  if (ctx.statusLeads.has(lead.id)) return;
  ctx.statusLeads.add(lead.id);
  leadEvent(ctx, 'amocrm.lead_status_changed', lead, item, `lead:${lead.id}:status:${lead.status_id}:${version(item, lead, ...UPDATED)}`);
}

function leadGroup(ctx: Ctx, group: Dict): void {
  for (const action of Object.keys(group)) {
    if (action === 'note') {
      noteEvents(ctx, group[action], 'lead');
      continue;
    }
    for (const item of dictItems(group[action])) {
      const lead = mapLead(item, ctx.opts);
      if (!lead) continue;
      const key = `lead:${lead.id}`;
      switch (action) {
        case 'add':
          leadEvent(ctx, 'amocrm.lead_added', lead, item, `${key}:added`);
          break;
        case 'update':
          leadEvent(ctx, 'amocrm.lead_updated', lead, item, `${key}:updated:${version(item, lead, ...UPDATED)}`);
          if (lead.old_status_id !== undefined && lead.status_id !== null && lead.old_status_id !== lead.status_id) {
            statusEvent(ctx, lead, item);
          }
          break;
        case 'status':
          statusEvent(ctx, lead, item);
          break;
        case 'responsible':
          leadEvent(ctx, 'amocrm.lead_responsible_changed', lead, item,
            `${key}:responsible:${lead.responsible_user_id}:${version(item, lead, ...UPDATED)}`);
          break;
        case 'delete': {
          const at = stamp(item, ...UPDATED);
          leadEvent(ctx, 'amocrm.lead_deleted', lead, item, at ? `${key}:deleted:${at}` : `${key}:deleted`);
          break;
        }
        case 'restore':
          leadEvent(ctx, 'amocrm.lead_restored', lead, item, `${key}:restored:${version(item, lead, ...UPDATED)}`);
          break;
      }
    }
  }
}

type ContactKind = 'contact' | 'company';
/** Companies have no responsible-changed event of their own; that change is an update. */
const CONTACT_ACTIONS: Record<ContactKind, Record<string, AmoContactEventType | AmoCompanyEventType>> = {
  contact: {
    add: 'amocrm.contact_added',
    update: 'amocrm.contact_updated',
    delete: 'amocrm.contact_deleted',
    restore: 'amocrm.contact_restored',
    responsible: 'amocrm.contact_responsible_changed',
  },
  company: {
    add: 'amocrm.company_added',
    update: 'amocrm.company_updated',
    delete: 'amocrm.company_deleted',
    restore: 'amocrm.company_restored',
    responsible: 'amocrm.company_updated',
  },
};

function contactGroup(ctx: Ctx, group: Dict, defaultKind: ContactKind): void {
  for (const action of Object.keys(group)) {
    for (const item of dictItems(group[action])) {
      const typeText = nonEmpty(own(item, 'type'))?.toLowerCase() ?? '';
      const kind: ContactKind = typeText === 'company' ? 'company' : typeText === 'contact' ? 'contact' : defaultKind;
      if (action === 'note') {
        noteEvents(ctx, [item], kind);
        continue;
      }
      if (!Object.hasOwn(CONTACT_ACTIONS[kind], action)) continue;
      const type = CONTACT_ACTIONS[kind][action]!;
      const entity = mapContact(item, ctx.opts);
      if (!entity) continue;
      const key = `${kind}:${entity.id}`;
      const suffix = type.slice(`amocrm.${kind}_`.length);
      const at = stamp(item, ...UPDATED);
      const dedupeKey =
        suffix === 'added' ? `${key}:added`
        : suffix === 'deleted' ? (at ? `${key}:deleted:${at}` : `${key}:deleted`)
        : suffix === 'responsible_changed' ? `${key}:responsible:${entity.responsible_user_id}:${version(item, entity, ...UPDATED)}`
        : `${key}:${suffix}:${version(item, entity, ...UPDATED)}`;
      const account = accountFor(ctx.account, item);
      const id = String(entity.id);
      if (kind === 'company') {
        emit(ctx, { type: type as AmoCompanyEventType, entity: { type: 'company', id }, data: { company: entity, account }, dedupeKey });
      } else {
        emit(ctx, { type: type as AmoContactEventType, entity: { type: 'contact', id }, data: { contact: entity, account }, dedupeKey });
      }
    }
  }
}

const TASK_ACTIONS: Record<string, AmoTaskEventType> = {
  add: 'amocrm.task_added',
  update: 'amocrm.task_updated',
  // A new responsible is a change of the task (the `responsible_task` subscription).
  responsible: 'amocrm.task_updated',
  delete: 'amocrm.task_deleted',
};

function taskGroup(ctx: Ctx, group: Dict): void {
  for (const action of Object.keys(group)) {
    if (!Object.hasOwn(TASK_ACTIONS, action)) continue;
    const type = TASK_ACTIONS[action]!;
    for (const item of dictItems(group[action])) {
      const task = mapTask(item);
      if (!task) continue;
      const key = `task:${task.id}`;
      const dedupeKey =
        type === 'amocrm.task_added' ? `${key}:added`
        : type === 'amocrm.task_deleted' ? `${key}:deleted`
        : `${key}:updated:${version(item, task, ...UPDATED)}`;
      emit(ctx, { type, entity: { type: 'task', id: String(task.id) }, data: { task, account: accountFor(ctx.account, item) }, dedupeKey });
    }
  }
}

const UNSORTED_ACTIONS: Record<string, AmoUnsortedEventType> = {
  add: 'amocrm.unsorted_added',
  update: 'amocrm.unsorted_updated',
  delete: 'amocrm.unsorted_deleted',
};

function unsortedGroup(ctx: Ctx, group: Dict): void {
  for (const action of Object.keys(group)) {
    if (!Object.hasOwn(UNSORTED_ACTIONS, action)) continue;
    const type = UNSORTED_ACTIONS[action]!;
    for (const item of dictItems(group[action])) {
      const unsorted = mapUnsorted(item);
      if (!unsorted) continue;
      const dedupeKey = `unsorted:${unsorted.uid}:${action}:${version(item, unsorted, ...UPDATED, 'created_at', 'date_create')}`;
      emit(ctx, { type, entity: { type: 'unsorted', id: unsorted.id }, data: { unsorted, account: accountFor(ctx.account, item) }, dedupeKey });
    }
  }
}

function messageGroup(ctx: Ctx, group: Dict): void {
  for (const item of dictItems(own(group, 'add'))) {
    const message = mapMessage(item);
    if (!message) continue;
    emit(ctx, {
      type: 'amocrm.message_added',
      entity: { type: 'message', id: message.id },
      data: { message, account: accountFor(ctx.account, item) },
      dedupeKey: `message:${message.id}:added`,
    });
  }
}

/** Parses one webhook body into events; never throws. */
export function parseAmoWebhook(body: unknown, opts: AmoParseOptions = {}): AmoWebhookEvent[] {
  if (!isDict(body)) return [];
  const ctx: Ctx = {
    account: mapAccount(Object.hasOwn(body, 'account') ? body.account : undefined),
    opts,
    events: [],
    keys: new Set(),
    statusLeads: new Set(),
  };
  for (const name of Object.keys(body)) {
    const group = body[name];
    if (!isDict(group)) continue;
    if (name === 'leads') leadGroup(ctx, group);
    else if (name === 'contacts') contactGroup(ctx, group, 'contact');
    else if (name === 'companies') contactGroup(ctx, group, 'company');
    else if (name === 'task' || name === 'tasks') taskGroup(ctx, group);
    else if (name === 'unsorted') unsortedGroup(ctx, group);
    else if (name === 'message') messageGroup(ctx, group);
  }
  return ctx.events;
}
