/**
 * The lead of an LPTracker webhook payload (reference §8) → the typed lead of an event. The
 * webhook differs from the REST lead: phones sit in `contact.contacts[]`, times are unix, `deal`
 * is 0/1; the REST spellings (`details[]`, `d.m.Y H:i`, `funnel`) are accepted too.
 */
import { normalizePhone } from '../../../core/sdk/index.ts';
import type { LptCall, LptContact, LptFieldValue, LptLead, LptPayment, LptView } from './lpt-webhook.types.ts';
import { bool, int, isDict, listItems, nonEmpty, num, own, positiveInt, setOwn, str, toIso, type Dict } from './lpt-values.ts';

const INCOMING = new Set(['incomming', 'incoming', 'in', 'inbound', 'входящий']);
const OUTGOING = new Set(['outgoing', 'outcoming', 'outgoin', 'out', 'outbound', 'исходящий']);

function callType(value: unknown): LptCall['type'] {
  const text = nonEmpty(value)?.toLowerCase();
  if (!text) return null;
  if (INCOMING.has(text)) return 'incoming';
  if (OUTGOING.has(text)) return 'outgoing';
  return null;
}

/** A call record; null without a `linkedid`, since that is the call's only identity. */
export function mapCall(raw: unknown): LptCall | null {
  if (!isDict(raw)) return null;
  const linkedid = nonEmpty(own(raw, 'linkedid'));
  if (linkedid === null) return null;
  const call: LptCall = {
    id: linkedid,
    linkedid,
    at: toIso(own(raw, 'time')),
    duration: Math.max(0, Math.round(num(own(raw, 'duration')) ?? 0)),
    type: callType(own(raw, 'type')),
    record_url: nonEmpty(own(raw, 'record') ?? own(raw, 'record_url')),
    owner_id: int(own(raw, 'owner_id')),
  };
  const disposition = nonEmpty(own(raw, 'disposition'));
  if (disposition !== null) call.disposition = disposition;
  return call;
}

function fieldValue(raw: unknown): LptFieldValue {
  if (Array.isArray(raw)) return raw.map(str).filter((v): v is string => v !== null);
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  return null;
}

/** `custom[]` as `{id, name, type, value}` items; also a write-style `{id: value}` map (no names then). */
function customFields(raw: unknown): { fields: Record<string, LptFieldValue>; fields_by_id: Record<string, LptFieldValue> } {
  const fields: Record<string, LptFieldValue> = {};
  const byId: Record<string, LptFieldValue> = {};
  // A dict of items is a list past qs's arrayLimit; a dict of plain values is the `{id: value}` map.
  const isMap = isDict(raw) && Object.keys(raw).some((key) => !isDict(raw[key]));
  if (isMap) {
    for (const key of Object.keys(raw)) if (positiveInt(key) !== null) byId[key] = fieldValue(raw[key]);
    return { fields, fields_by_id: byId };
  }
  for (const item of listItems(raw)) {
    if (!isDict(item)) continue;
    const id = positiveInt(own(item, 'id'));
    const name = nonEmpty(own(item, 'name'));
    if (id === null && name === null) continue;
    const value = fieldValue(own(item, 'value'));
    if (id !== null && !Object.hasOwn(byId, String(id))) byId[String(id)] = value;
    // Two fields may share a name; the first keeps it, the other stays reachable by id.
    if (name !== null && !Object.hasOwn(fields, name)) setOwn(fields, name, value);
  }
  return { fields, fields_by_id: byId };
}

function mapContact(raw: unknown, contactId: number | null): LptContact | null {
  if (!isDict(raw)) return contactId === null ? null : { id: contactId, name: '', phone: null, phones: [], email: null, emails: [] };
  const phones = new Set<string>();
  const emails = new Set<string>();
  const details = own(raw, 'contacts') ?? own(raw, 'details');
  for (const detail of listItems(details)) {
    if (!isDict(detail)) continue;
    const type = nonEmpty(own(detail, 'type'))?.toLowerCase();
    const data = nonEmpty(own(detail, 'data') ?? own(detail, 'value'));
    if (data === null) continue;
    if (type === 'phone') phones.add(normalizePhone(data) ?? data);
    else if (type === 'email') emails.add(data);
  }
  return {
    id: positiveInt(own(raw, 'id')) ?? contactId,
    name: str(own(raw, 'name')) ?? '',
    phone: phones.values().next().value ?? null,
    phones: [...phones],
    email: emails.values().next().value ?? null,
    emails: [...emails],
  };
}

function mapView(raw: unknown): LptView | null {
  if (!isDict(raw)) return null;
  const view: LptView = { source: null, campaign: null, keyword: null };
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    // Nested visitor objects are left out: templates want the attribution, not fingerprints.
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) setOwn(view, key, value);
    else if (typeof value === 'number' && Number.isFinite(value)) setOwn(view, key, value);
  }
  return view;
}

function mapPayments(raw: unknown): LptPayment[] {
  const payments: LptPayment[] = [];
  for (const item of listItems(raw)) {
    if (!isDict(item)) continue;
    payments.push({
      sum: num(own(item, 'sum')),
      purpose_id: int(own(item, 'purpose_id')),
      purpose_name: nonEmpty(own(item, 'purpose_name') ?? own(item, 'purpose')),
      category_id: int(own(item, 'category_id')),
      category_name: nonEmpty(own(item, 'category_name') ?? own(item, 'category')),
    });
  }
  return payments;
}

function named(raw: unknown, fallbackId: number | null): { id: number | null; name: string } | null {
  if (!isDict(raw)) return null;
  return { id: int(own(raw, 'id')) ?? fallbackId, name: str(own(raw, 'name')) ?? '' };
}

/** The lead, or null when the payload has no usable lead id. */
export function mapLead(payload: Dict): LptLead | null {
  const id = positiveInt(own(payload, 'id'));
  if (id === null) return null;
  const stageRaw = own(payload, 'stage');
  const stageId = int(own(payload, 'stage_id')) ?? (isDict(stageRaw) ? int(own(stageRaw, 'id')) : null) ?? int(own(payload, 'funnel'));
  const ownerRaw = own(payload, 'owner');
  const ownerId = int(own(payload, 'owner_id')) ?? (isDict(ownerRaw) ? int(own(ownerRaw, 'id')) : int(ownerRaw));
  const calls: LptCall[] = [];
  for (const record of listItems(own(payload, 'calls_records') ?? own(payload, 'calls'))) {
    const call = mapCall(record);
    if (call) calls.push(call);
  }
  return {
    id,
    name: str(own(payload, 'name')) ?? '',
    project_id: positiveInt(own(payload, 'project_id')),
    stage_id: stageId,
    stage: named(stageRaw, stageId),
    owner_id: ownerId,
    owner: named(ownerRaw, ownerId),
    created_at: toIso(own(payload, 'created_at')) ?? toIso(own(payload, 'lead_date')),
    deal: bool(own(payload, 'deal')),
    form: nonEmpty(own(payload, 'form')),
    capture_type: nonEmpty(own(payload, 'capture_type')),
    ...customFields(own(payload, 'custom')),
    view: mapView(own(payload, 'view')),
    contact: mapContact(own(payload, 'contact'), positiveInt(own(payload, 'contact_id'))),
    payments: mapPayments(own(payload, 'payments')),
    calls,
  };
}
