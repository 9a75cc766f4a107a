// Data model of the simulated AmoCRM account. Field names follow the v4 API (snake_case) so that
// views are thin and tests can compare against the reference payloads directly.

export type AmoEntityType = 'leads' | 'contacts' | 'companies';

export type AmoFieldType =
  | 'text'
  | 'textarea'
  | 'numeric'
  | 'price'
  | 'url'
  | 'checkbox'
  | 'select'
  | 'multiselect'
  | 'radiobutton'
  | 'multitext'
  | 'date'
  | 'date_time'
  | 'birthday';

export interface AmoEnum {
  id: number;
  value: string;
  sort: number;
}

export interface AmoCustomField {
  id: number;
  name: string;
  type: AmoFieldType;
  code: string | null;
  sort: number;
  entity_type: AmoEntityType;
  enums: AmoEnum[] | null;
  is_api_only: boolean;
  is_predefined: boolean;
  is_deletable: boolean;
  group_id: string | null;
  required_statuses: { pipeline_id: number; status_id: number }[];
  remind: null;
  account_id: number;
}

export interface AmoFieldValue {
  value?: string | number | boolean;
  enum_id?: number;
  enum_code?: string;
}

export interface AmoCustomFieldValue {
  field_id: number;
  field_name: string;
  field_code: string | null;
  field_type: AmoFieldType;
  values: AmoFieldValue[];
}

export interface AmoStatus {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  pipeline_id: number;
  color: string;
  /** 1 = incoming leads (unsorted) stage, 0 = a normal stage. */
  type: 0 | 1;
  account_id: number;
}

export interface AmoPipeline {
  id: number;
  name: string;
  sort: number;
  is_main: boolean;
  is_unsorted_on: boolean;
  is_archive: boolean;
  account_id: number;
  statuses: AmoStatus[];
}

export interface AmoEntityRights {
  view: string;
  edit: string;
  add: string;
  delete: string;
  export: string;
}

export interface AmoUser {
  id: number;
  name: string;
  email: string;
  lang: string;
  rights: {
    leads: AmoEntityRights;
    contacts: AmoEntityRights;
    companies: AmoEntityRights;
    tasks: { edit: string; delete: string };
    mail_access: boolean;
    catalog_access: boolean;
    status_rights: { entity_type: string; pipeline_id: number; status_id: number; rights: { view: string; edit: string; delete: string } }[];
    is_admin: boolean;
    is_free: boolean;
    is_active: boolean;
    group_id: number | null;
    role_id: number | null;
  };
}

export interface AmoUsersGroup {
  id: number;
  name: string;
  uuid: string | null;
}

export interface AmoTag {
  id: number;
  name: string;
}

export interface AmoLead {
  id: number;
  name: string;
  price: number;
  responsible_user_id: number;
  group_id: number;
  status_id: number;
  pipeline_id: number;
  loss_reason_id: number | null;
  source_id: number | null;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  closest_task_at: number | null;
  is_deleted: boolean;
  custom_fields_values: AmoCustomFieldValue[] | null;
  score: number | null;
  labor_cost: number | null;
  account_id: number;
  tags: AmoTag[];
}

export interface AmoContact {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  is_deleted: boolean;
  is_unsorted: boolean;
  custom_fields_values: AmoCustomFieldValue[] | null;
  account_id: number;
  tags: AmoTag[];
}

export interface AmoCompany {
  id: number;
  name: string;
  responsible_user_id: number;
  group_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  is_deleted: boolean;
  custom_fields_values: AmoCustomFieldValue[] | null;
  account_id: number;
  tags: AmoTag[];
}

export type AmoNoteParamValue = string | number | boolean | null;

export interface AmoNote {
  id: number;
  entity_id: number;
  entity_type: AmoEntityType;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  note_type: string;
  params: Record<string, AmoNoteParamValue>;
  account_id: number;
}

export interface AmoTask {
  id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  entity_id: number | null;
  entity_type: AmoEntityType | null;
  duration: number;
  is_completed: boolean;
  task_type_id: number;
  text: string;
  result: { text: string } | null;
  complete_till: number;
  account_id: number;
}

/** One relation, stored once in canonical direction: leads→contacts, leads→companies, contacts→companies. */
export interface AmoLink {
  entity_type: AmoEntityType;
  entity_id: number;
  to_entity_type: AmoEntityType;
  to_entity_id: number;
  is_main: boolean;
}

export interface AmoWebhook {
  id: number;
  destination: string;
  created_at: number;
  updated_at: number;
  account_id: number;
  created_by: number;
  sort: number;
  disabled: boolean;
  settings: string[];
}

export interface AmoAccount {
  id: number;
  name: string;
  subdomain: string;
  language: string;
  created_at: number;
  created_by: number;
  updated_at: number;
  updated_by: number;
  current_user_id: number;
  country: string;
  currency: string;
  currency_symbol: string;
  customers_mode: string;
  is_unsorted_on: boolean;
  mobile_feature_version: number;
  is_loss_reason_enabled: boolean;
  is_helpbot_enabled: boolean;
  is_technical_account: boolean;
  contact_name_display_order: number;
  amojo_id: string;
  version: number;
}

export interface AmoTaskType {
  id: number;
  name: string;
  code: string;
}

export interface AmoIdCounters {
  lead: number;
  contact: number;
  company: number;
  note: number;
  task: number;
  tag: number;
  webhook: number;
}

export interface AmoState {
  account: AmoAccount;
  users: AmoUser[];
  usersGroups: AmoUsersGroup[];
  taskTypes: AmoTaskType[];
  pipelines: AmoPipeline[];
  customFields: Record<AmoEntityType, AmoCustomField[]>;
  leads: Map<number, AmoLead>;
  contacts: Map<number, AmoContact>;
  companies: Map<number, AmoCompany>;
  notes: Map<number, AmoNote>;
  tasks: Map<number, AmoTask>;
  links: AmoLink[];
  tags: AmoTag[];
  webhooks: AmoWebhook[];
  nextId: AmoIdCounters;
}

export interface AmoFaults {
  /** Added before every API answer. */
  latencyMs: number;
  /** Share of API requests answered 500 ErrInternalServer (0..1). */
  errorRate: number;
  /** Share of API requests that are accepted and then left unanswered for 35 s (0..1). */
  timeoutRate: number;
  /** The next n API requests get 429, independent of the rate limiter. */
  burst429: number;
  /** Every API request gets 402 Payment Required. */
  status402: boolean;
  /** Every API request gets the 403 HTML block page. */
  blocked: boolean;
}

/** One webhook event, already in v2 form: `pairs` are keys relative to `{entity}[{action}][i]`. */
export interface AmoWebhookEvent {
  setting: string;
  entity: 'leads' | 'contacts' | 'task';
  action: string;
  pairs: [string, string][];
}

export interface AmoDelivery {
  url: string;
  body: string;
  /** HTTP status, or null when the receiver did not answer within 2 s or the connection failed. */
  status: number | null;
  ok: boolean;
  /** performance.now() ms when the attempt finished. */
  at: number;
}

export interface AmoRequestRecord {
  /** performance.now() ms when the request arrived. */
  at: number;
  method: string;
  path: string;
  /** 0 while the request is still unanswered. */
  status: number;
}
