/**
 * Events parsed from AmoCRM account webhooks. `data` is what `{{trigger.…}}` resolves against in
 * users' templates, so these shapes are a stable contract: add fields, never rename or remove.
 *
 * Data shapes are `type` aliases (not interfaces) so they stay assignable to the SDK's
 * `NormalizedEvent['data']` (`Record<string, unknown>`).
 */
import type { AmoFieldSetValues } from './custom-fields.ts';

export type { AmoCustomField, AmoCustomFieldValue, AmoFieldScalar, AmoFieldValue } from './custom-fields.ts';

export type AmoLeadEventType =
  | 'amocrm.lead_added'
  | 'amocrm.lead_updated'
  | 'amocrm.lead_status_changed'
  | 'amocrm.lead_responsible_changed'
  | 'amocrm.lead_deleted'
  | 'amocrm.lead_restored';

export type AmoContactEventType =
  | 'amocrm.contact_added'
  | 'amocrm.contact_updated'
  | 'amocrm.contact_deleted'
  | 'amocrm.contact_restored'
  | 'amocrm.contact_responsible_changed';

export type AmoCompanyEventType =
  | 'amocrm.company_added'
  | 'amocrm.company_updated'
  | 'amocrm.company_deleted'
  | 'amocrm.company_restored';

export type AmoTaskEventType = 'amocrm.task_added' | 'amocrm.task_updated' | 'amocrm.task_deleted';

export type AmoUnsortedEventType = 'amocrm.unsorted_added' | 'amocrm.unsorted_updated' | 'amocrm.unsorted_deleted';

export type AmoEventType =
  | AmoLeadEventType
  | AmoContactEventType
  | AmoCompanyEventType
  | AmoTaskEventType
  | AmoUnsortedEventType
  | 'amocrm.note_added'
  | 'amocrm.message_added';

export type AmoEntityType = 'lead' | 'contact' | 'company' | 'task' | 'note' | 'unsorted' | 'message';

/** Entities a note or task can be attached to (`element_type` 2, 1, 3). */
export type AmoParentEntity = 'lead' | 'contact' | 'company';

export type AmoAccount = {
  id: number | null;
  subdomain: string;
  /** `https://<subdomain>.amocrm.ru` (or kommo.com) from `account[_links][self]`. */
  url: string | null;
};

/** Custom field values in three views: by field name, by field id, and the normalized raw list. */
export type AmoFieldSet = AmoFieldSetValues;

export type AmoLead = {
  id: number;
  name: string;
  status_id: number | null;
  pipeline_id: number | null;
  old_status_id?: number;
  old_pipeline_id?: number;
  responsible_user_id: number | null;
  old_responsible_user_id?: number;
  price: number | null;
  /** ISO 8601 (UTC). */
  created_at: string | null;
  updated_at: string | null;
  created_by?: number;
  updated_by?: number;
  tags: string[];
} & AmoFieldSet;

/** A contact or a company (AmoCRM sends companies as `contacts[…][type]=company`). */
export type AmoContact = {
  id: number;
  name: string;
  responsible_user_id: number | null;
  created_at: string | null;
  updated_at: string | null;
  created_by?: number;
  updated_by?: number;
  /** The first phone: E.164 when it is a Russian number, else the text as typed. */
  phone: string | null;
  phones: string[];
  email: string | null;
  emails: string[];
  tags: string[];
  linked_lead_ids: number[];
} & AmoFieldSet;

export type AmoNote = {
  id: number;
  text: string;
  /** Webhook note types: 4 is a common text note, 5 an attachment, … */
  note_type: number | null;
  element_type: number | null;
  element_id: number | null;
  entity: AmoParentEntity;
  created_at: string | null;
  created_by: number | null;
};

export type AmoTask = {
  id: number;
  text: string;
  task_type_id: number | null;
  is_completed: boolean;
  element_type: number | null;
  element_id: number | null;
  entity: AmoParentEntity | null;
  responsible_user_id: number | null;
  /** Deadline, ISO 8601 (UTC); AmoCRM's offset-less local time is read as Moscow time. */
  complete_till: string | null;
  created_at: string | null;
  updated_at: string | null;
  created_by: number | null;
  result_text: string | null;
};

/** An incoming request in «Неразобранное» (form, call, mail); identified by `uid`. */
export type AmoUnsorted = {
  id: string;
  uid: string;
  category: string | null;
  source: string | null;
  source_uid: string | null;
  pipeline_id: number | null;
  created_at: string | null;
  lead_ids: number[];
  contact_ids: number[];
  company_ids: number[];
  /** `accept` / `decline` / `link` on deletion, when AmoCRM says why. */
  action: string | null;
};

export type AmoMessage = {
  id: string;
  chat_id: string | null;
  talk_id: number | null;
  contact_id: number | null;
  text: string;
  /** `incoming` / `outgoing`. */
  type: string | null;
  created_at: string | null;
  element_type: number | null;
  element_id: number | null;
  entity_type: string | null;
  entity_id: number | null;
  author: { id: string | null; type: string | null; name: string | null; avatar_url: string | null } | null;
  origin: string | null;
};

export type AmoLeadEventData = { lead: AmoLead; account: AmoAccount };
export type AmoContactEventData = { contact: AmoContact; account: AmoAccount };
export type AmoCompanyEventData = { company: AmoContact; account: AmoAccount };
export type AmoNoteEventData = { note: AmoNote; account: AmoAccount };
export type AmoTaskEventData = { task: AmoTask; account: AmoAccount };
export type AmoUnsortedEventData = { unsorted: AmoUnsorted; account: AmoAccount };
export type AmoMessageEventData = { message: AmoMessage; account: AmoAccount };

type Event<T extends AmoEventType, E extends AmoEntityType, D> = {
  type: T;
  entity: { type: E; id: string };
  data: D;
  /** Equal for redeliveries of the same change, different for different changes. */
  dedupeKey: string;
};

export type AmoLeadEvent = Event<AmoLeadEventType, 'lead', AmoLeadEventData>;
export type AmoContactEvent = Event<AmoContactEventType, 'contact', AmoContactEventData>;
export type AmoCompanyEvent = Event<AmoCompanyEventType, 'company', AmoCompanyEventData>;
export type AmoNoteEvent = Event<'amocrm.note_added', 'note', AmoNoteEventData>;
export type AmoTaskEvent = Event<AmoTaskEventType, 'task', AmoTaskEventData>;
export type AmoUnsortedEvent = Event<AmoUnsortedEventType, 'unsorted', AmoUnsortedEventData>;
export type AmoMessageEvent = Event<'amocrm.message_added', 'message', AmoMessageEventData>;

export type AmoWebhookEvent =
  | AmoLeadEvent
  | AmoContactEvent
  | AmoCompanyEvent
  | AmoNoteEvent
  | AmoTaskEvent
  | AmoUnsortedEvent
  | AmoMessageEvent;

export type AmoParseOptions = {
  /**
   * Field id → AmoCRM field type (`date`, `date_time`, `birthday`, `numeric`, `price`, `monetary`,
   * `checkbox`, …) from the connection's metadata; webhooks don't say a field's type.
   */
  fieldTypes?: ReadonlyMap<string, string>;
};
