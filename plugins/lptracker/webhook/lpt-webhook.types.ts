/**
 * Events parsed from LPTracker lead webhooks. `data` is what `{{trigger.…}}` resolves against in
 * users' templates, so these shapes are a stable contract: add fields, never rename or remove.
 * Data shapes are `type` aliases so they stay assignable to the SDK's `NormalizedEvent['data']`.
 */

export type LptEventType =
  | 'lptracker.lead_created'
  | 'lptracker.lead_updated'
  | 'lptracker.lead_stage_changed'
  | 'lptracker.lead_deleted'
  | 'lptracker.call_finished';

export type LptAction = 'create' | 'update' | 'delete';

/** Category (`cats`) values stay lists of strings; other fields are scalars. */
export type LptFieldValue = string | number | boolean | string[] | null;

export type LptContact = {
  id: number | null;
  name: string;
  /** The first phone: E.164 when it is a Russian number, else the text as sent. */
  phone: string | null;
  phones: string[];
  email: string | null;
  emails: string[];
};

export type LptView = {
  source: string | null;
  campaign: string | null;
  keyword: string | null;
  /** Every other scalar of the visit as sent (`address`, `ip`, `ym_client_id`, …). */
  [key: string]: string | number | boolean | null;
};

export type LptPayment = {
  sum: number | null;
  purpose_id: number | null;
  purpose_name: string | null;
  category_id: number | null;
  category_name: string | null;
};

export type LptCall = {
  /** Asterisk's `linkedid`: the call's identity. */
  id: string;
  linkedid: string;
  /** ISO 8601 (UTC). */
  at: string | null;
  /** Seconds. */
  duration: number;
  /** LPTracker spells incoming `incomming`; null when the direction is unknown. */
  type: 'incoming' | 'outgoing' | null;
  disposition?: string;
  record_url: string | null;
  owner_id: number | null;
};

export type LptLead = {
  id: number;
  name: string;
  project_id: number | null;
  stage_id: number | null;
  stage: { id: number | null; name: string } | null;
  owner_id: number | null;
  owner: { id: number | null; name: string } | null;
  created_at: string | null;
  deal: boolean;
  form: string | null;
  capture_type: string | null;
  fields: Record<string, LptFieldValue>;
  fields_by_id: Record<string, LptFieldValue>;
  view: LptView | null;
  contact: LptContact | null;
  payments: LptPayment[];
  calls: LptCall[];
};

export type LptLeadEventData = {
  lead: LptLead;
  project_id: number | null;
  action: LptAction;
  /** `action_update_fields`, split: `["stage.id"]`; empty when LPTracker didn't say. */
  changed: string[];
  /** When LPTracker registered the change (`action_timestamp`), ISO 8601 (UTC). */
  at: string | null;
};

export type LptCallEventData = LptLeadEventData & { call: LptCall };

export type LptLeadEvent = {
  type: 'lptracker.lead_created' | 'lptracker.lead_updated' | 'lptracker.lead_stage_changed' | 'lptracker.lead_deleted';
  entity: { type: 'lead'; id: string };
  data: LptLeadEventData;
  dedupeKey: string;
};

export type LptCallEvent = {
  type: 'lptracker.call_finished';
  entity: { type: 'call'; id: string };
  data: LptCallEventData;
  dedupeKey: string;
};

export type LptWebhookEvent = LptLeadEvent | LptCallEvent;

/** The parts of an inbound request the parser reads (the body already parsed as JSON or form). */
export type LptWebhookInput = {
  contentType: string;
  body: unknown;
  query: Record<string, string>;
};
