/**
 * LPTracker lead webhooks → typed events. Pure: no IO, no clock.
 *
 * The transport is undocumented (reference §8): the payload arrives as a form field `data` holding
 * JSON (what LPTracker is seen to send), as a raw JSON body, or as a query parameter `data`; all
 * three are read. `action` is create / update / delete; `action_update_fields` names what changed
 * (`stage.id` for a stage move) as a string, a comma list or an array.
 */
import { UserError } from '../../../core/sdk/index.ts';
import type { LptAction, LptCall, LptCallEvent, LptLeadEvent, LptLeadEventData, LptWebhookEvent, LptWebhookInput } from './lpt-webhook.types.ts';
import { hash, int, isDict, nonEmpty, own, toIso, type Dict } from './lpt-values.ts';
import { mapLead } from './map-lead.ts';

export type * from './lpt-webhook.types.ts';

/** The payload can't be read at all; the caller stores the event as failed with this message. */
export class LptWebhookError extends UserError {
  constructor(message: string, cause?: unknown) {
    super('LPTRACKER_WEBHOOK_BAD_PAYLOAD', message, { status: 400, cause });
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    let value: unknown = JSON.parse(text);
    // Some senders encode twice: the JSON is a string holding the JSON.
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) value = JSON.parse(value);
    return value;
  } catch (err) {
    // Also a RangeError from absurd nesting: the sender's fault, not ours.
    throw new LptWebhookError(`${where} содержит некорректный JSON`, err);
  }
}

function decodeData(value: unknown, where: string): unknown {
  if (typeof value === 'string') return parseJson(value, where);
  // `data[id]=…` in a form, or `{"data": {…}}` in JSON: already structured.
  if (isDict(value) || Array.isArray(value)) return value;
  throw new LptWebhookError(`${where} содержит некорректный JSON`);
}

/** The payload wherever it came: form field `data`, the body itself, a raw JSON text, or query `data`. */
function extractPayload(input: LptWebhookInput): unknown {
  const { body } = input;
  if (isDict(body) && Object.hasOwn(body, 'data')) return decodeData(body.data, 'Поле data');
  if (typeof body === 'string' && /^\s*[[{]/.test(body)) return parseJson(body, 'Тело запроса');
  if (Array.isArray(body) || (isDict(body) && (Object.hasOwn(body, 'id') || Object.hasOwn(body, 'action')))) return body;
  const query = isDict(input.query) ? input.query : {};
  if (Object.hasOwn(query, 'data')) return decodeData(query.data, 'Параметр data');
  return body;
}

const STAGE_FIELDS = new Set(['stage', 'stage.id', 'stage_id', 'funnel', 'funnel.id', 'funnel_id']);

function splitFields(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.flatMap((v) => (typeof v === 'string' ? splitFields(v) : []));
    } catch {
      // Not JSON after all: read it as a plain list.
    }
  }
  return trimmed.split(/[,;\s]+/).filter(Boolean);
}

/** `action_update_fields` as a list: `"stage.id"`, `"stage.id,custom"`, `["stage.id"]`. */
export function parseChangedFields(raw: unknown): string[] {
  if (typeof raw === 'string') return splitFields(raw);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((v) => (typeof v === 'string' ? splitFields(v) : []));
}

const mentions = (changed: string[], names: Set<string>) => changed.some((f) => names.has(f.toLowerCase()));

/** The most recent call: the greatest `time`, the later position on a tie or with no times. */
function lastCall(calls: LptCall[]): LptCall[] {
  let best: LptCall | undefined;
  for (const call of calls) if (!best || (call.at ?? '') >= (best.at ?? '')) best = call;
  return best ? [best] : [];
}

function payloadEvents(payload: Dict, events: LptWebhookEvent[], keys: Set<string>): void {
  const lead = mapLead(payload);
  const action = nonEmpty(own(payload, 'action'))?.toLowerCase();
  if (!lead || (action !== 'create' && action !== 'update' && action !== 'delete')) return;
  const changed = parseChangedFields(own(payload, 'action_update_fields'));
  const timestamp = int(own(payload, 'action_timestamp'));
  const data: LptLeadEventData = { lead, project_id: lead.project_id, action: action as LptAction, changed, at: toIso(timestamp) };
  // Without LPTracker's timestamp, the content itself tells redeliveries from new changes.
  const version = timestamp !== null && timestamp !== 0 ? String(timestamp) : `h${hash(JSON.stringify(data))}`;
  const id = String(lead.id);
  const push = (event: LptWebhookEvent) => {
    if (keys.has(event.dedupeKey)) return;
    keys.add(event.dedupeKey);
    events.push(event);
  };
  const leadEvent = (type: LptLeadEvent['type'], dedupeKey: string) => push({ type, entity: { type: 'lead', id }, data, dedupeKey });

  if (action === 'create') leadEvent('lptracker.lead_created', `lead:${id}:create:${version}`);
  if (action === 'delete') leadEvent('lptracker.lead_deleted', `lead:${id}:delete:${version}`);
  if (action === 'update') {
    // A stage move is also an update: "any change" triggers must see it.
    leadEvent('lptracker.lead_updated', `lead:${id}:update:${version}`);
    if (mentions(changed, STAGE_FIELDS)) leadEvent('lptracker.lead_stage_changed', `lead:${id}:stage:${lead.stage_id}:${version}`);
  }
  if (action === 'delete' || lead.calls.length === 0) return;
  // With a list of changed fields we emit every record (old ones dedupe by linkedid downstream);
  // without one we can't tell which call is new, so only the latest.
  const calls = changed.length > 0 ? lead.calls : lastCall(lead.calls);
  for (const call of calls) {
    const event: LptCallEvent = {
      type: 'lptracker.call_finished',
      entity: { type: 'call', id: call.linkedid },
      data: { ...data, call },
      dedupeKey: `lead:${id}:call:${call.linkedid}`,
    };
    push(event);
  }
}

/**
 * Parses one inbound request into events. Throws LptWebhookError only when the payload is not
 * readable JSON; a readable payload without a lead id or a known action gives [].
 */
export function parseLptWebhook(input: LptWebhookInput): LptWebhookEvent[] {
  const payload = extractPayload(input);
  const events: LptWebhookEvent[] = [];
  const keys = new Set<string>();
  const payloads = Array.isArray(payload) ? payload : [payload];
  for (const item of payloads) if (isDict(item)) payloadEvents(item, events, keys);
  return events;
}
