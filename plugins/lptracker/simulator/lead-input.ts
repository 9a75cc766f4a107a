import { contactOr404, createContact, projectOr } from './contact-ops.ts';
import { parseCustomMap } from './custom-values.ts';
import { parseDmy } from './dates.ts';
import { badRequest } from './envelope.ts';
import { asArray, asBool, asInt, asObject, asString, has, type Json, type JsonObject } from './json-input.ts';
import { checkOwner, checkStage, createView, type LeadPatch, type NewLeadData } from './lead-ops.ts';
import type { SimCore } from './sim-core.ts';
import type { LptLead, LptPayment } from './sim-types.ts';

/** Parses the request bodies of POST /lead and PUT /lead/{id} (reference §6). */

/** An id field that, when present, must be an integer. */
function optionalInt(body: JsonObject, ...keys: string[]): number | undefined {
  for (const key of keys) {
    if (!has(body, key) || body[key] === null || body[key] === '') continue;
    const n = asInt(body[key]);
    if (n === undefined) throw badRequest(`${key} должен быть целым числом`);
    return n;
  }
  return undefined;
}

/** View attributes are flat strings; nested visitor objects are kept as JSON text. */
function viewAttrs(raw: Json | undefined): Map<string, string> | undefined {
  const o = asObject(raw);
  if (!o) return undefined;
  const attrs = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || k === 'id' || k === 'project_id') continue;
    attrs.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return attrs;
}

function parsePayments(raw: Json | undefined): LptPayment[] {
  if (raw === undefined || raw === null) return [];
  const list = asArray(raw);
  if (!list) throw badRequest('payments должен быть списком');
  return list.map((item) => {
    const o = asObject(item);
    const sum = Number(asString(o?.sum) ?? NaN);
    if (!o || !Number.isFinite(sum)) throw badRequest('У платежа должна быть сумма sum');
    return { category: asString(o.category) ?? '', purpose: asString(o.purpose) ?? '', sum };
  });
}

function parseLeadDate(body: JsonObject): number | undefined {
  const raw = asString(body.lead_date);
  if (raw === undefined || raw === '') return undefined;
  const ms = parseDmy(raw);
  if (ms === undefined) throw badRequest('lead_date должна быть в формате d.m.Y H:i, например 25.06.2020 14:05');
  return ms;
}

function resolveViewId(core: SimCore, projectId: number, body: JsonObject): number | null | undefined {
  const viewId = optionalInt(body, 'view_id');
  if (viewId !== undefined) {
    const view = core.state.views.get(viewId);
    if (!view || view.projectId !== projectId) throw badRequest(`Визит ${viewId} не найден в проекте ${projectId}`);
    return viewId;
  }
  const attrs = viewAttrs(body.view);
  return attrs ? createView(core, projectId, attrs).id : undefined;
}

export interface ParsedNewLead { data: NewLeadData; callback: boolean }

/**
 * Validates everything before the inline contact is created, so a rejected lead leaves no
 * orphan contact behind.
 */
export function parseNewLead(core: SimCore, body: JsonObject): ParsedNewLead {
  const { state } = core;
  const contactId = optionalInt(body, 'contact_id');
  const inline = asObject(body.contact);
  if (contactId === undefined && !inline) throw badRequest('Укажите contact_id или контакт contact');
  const projectId = contactId !== undefined
    ? contactOr404(state, contactId).projectId
    : projectOr(state, asInt(inline!.project_id ?? body.project_id), badRequest).id;
  const stageId = optionalInt(body, 'funnel', 'stage_id');
  if (stageId !== undefined) checkStage(state, projectId, stageId);
  const ownerId = optionalInt(body, 'owner', 'owner_id') ?? 0;
  checkOwner(state, ownerId);
  const custom = parseCustomMap(state, projectId, body.custom);
  const createdAt = parseLeadDate(body);
  const payments = parsePayments(body.payments);
  const viewIdGiven = optionalInt(body, 'view_id');
  if (viewIdGiven !== undefined && state.views.get(viewIdGiven)?.projectId !== projectId) {
    throw badRequest(`Визит ${viewIdGiven} не найден в проекте ${projectId}`);
  }
  const resolvedContactId = contactId ?? createContact(core, { ...inline!, project_id: projectId }).id;
  return {
    data: {
      projectId,
      contactId: resolvedContactId,
      name: asString(body.name) ?? '',
      stageId,
      ownerId,
      viewId: resolveViewId(core, projectId, body) ?? null,
      custom,
      createdAt,
      deal: asBool(body.deal ?? body.is_deal) ?? false,
      payments,
    },
    callback: asBool(body.callback) ?? false,
  };
}

/** PUT /lead/{id}: partial; only present keys change. */
export function parseLeadPatch(core: SimCore, lead: LptLead, body: JsonObject): LeadPatch {
  const patch: LeadPatch = {};
  if (has(body, 'name')) patch.name = asString(body.name) ?? '';
  const stageId = optionalInt(body, 'funnel', 'stage_id');
  if (stageId !== undefined) patch.stageId = stageId;
  const ownerId = optionalInt(body, 'owner', 'owner_id');
  if (ownerId !== undefined) patch.ownerId = ownerId;
  if (has(body, 'custom')) patch.custom = parseCustomMap(core.state, lead.projectId, body.custom);
  const deal = asBool(body.deal);
  if (deal !== undefined) patch.deal = deal;
  const createdAt = parseLeadDate(body);
  if (createdAt !== undefined) patch.createdAt = createdAt;
  if (has(body, 'payments')) patch.payments = parsePayments(body.payments);
  if (stageId !== undefined) checkStage(core.state, lead.projectId, stageId);
  if (ownerId !== undefined) checkOwner(core.state, ownerId);
  // An edited view changes the lead's own visit rather than a shared one.
  const existing = lead.viewId === null ? undefined : core.state.views.get(lead.viewId);
  const attrs = has(body, 'view_id') ? undefined : viewAttrs(body.view);
  if (attrs && existing) for (const [k, v] of attrs) existing.attrs.set(k, v);
  else {
    const viewId = resolveViewId(core, lead.projectId, body);
    if (viewId !== undefined) patch.viewId = viewId;
  }
  return patch;
}
