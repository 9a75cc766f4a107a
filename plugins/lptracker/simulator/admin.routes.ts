import { DISPOSITIONS, type LptAdmin } from './admin-ops.ts';
import { SimError } from './envelope.ts';
import { asArray, asBool, asInt, asObject, asString, type Json, type JsonObject } from './json-input.ts';
import { renderCall, renderComment, renderContact, renderCustomDef, renderLead, renderProject, renderStage, renderStaff } from './render-rest.ts';
import type { SimCore } from './sim-core.ts';
import type { LptAdminLeadInput, LptCallOutcome, LptCustomValue, LptDisposition, LptFaults } from './sim-types.ts';

/**
 * The simulator's own HTTP back door under /__sim/ (no token, plain JSON, real HTTP statuses),
 * used by `npm run demo` and by tests running in another process.
 */
export interface AdminReply { status: number; body: object }

const idOrName = (v: Json | undefined): number | string | undefined => asInt(v) ?? asString(v);

function customValue(v: Json | undefined): LptCustomValue | null {
  if (Array.isArray(v)) return v.map((x) => asString(x) ?? '');
  if (typeof v === 'number' || typeof v === 'string') return v;
  return null;
}

function customMap(v: Json | undefined): Record<string, LptCustomValue | null> | undefined {
  const o = asObject(v);
  return o ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, customValue(x)])) : undefined;
}

function leadInput(b: JsonObject): LptAdminLeadInput {
  const contact = asObject(b.contact);
  const view = asObject(b.view);
  const custom = customMap(b.custom);
  return {
    project: idOrName(b.project ?? b.projectId),
    name: asString(b.name),
    contactId: asInt(b.contactId),
    contact: contact ? { name: asString(contact.name), phone: asString(contact.phone), email: asString(contact.email) } : undefined,
    stage: idOrName(b.stage),
    owner: asInt(b.owner),
    // Only non-null values make sense on create.
    custom: custom ? Object.fromEntries(Object.entries(custom).filter((e): e is [string, LptCustomValue] => e[1] !== null)) : undefined,
    view: view ? Object.fromEntries(Object.entries(view).map(([k, x]) => [k, asString(x) ?? ''])) : undefined,
    deal: asBool(b.deal),
  };
}

function callOutcome(b: JsonObject): LptCallOutcome {
  const disposition = (asString(b.disposition) ?? 'ANSWERED') as LptDisposition;
  if (!DISPOSITIONS.includes(disposition)) throw new SimError(400, `Неизвестный итог звонка «${disposition}»`);
  const type = asString(b.type);
  return {
    disposition,
    duration: asInt(b.duration),
    type: type === 'incomming' || type === 'outgoing' ? type : undefined,
    ownerId: asInt(b.ownerId ?? b.owner),
  };
}

function faultPatch(b: JsonObject): Partial<LptFaults> {
  const out: Partial<LptFaults> = {};
  for (const k of ['latencyMs', 'errorRate', 'timeoutRate', 'truncatedJsonRate', 'htmlErrorRate'] as const) {
    if (b[k] !== undefined) out[k] = Number(b[k]);
  }
  const http503 = asBool(b.rateLimitHttp503);
  if (http503 !== undefined) out.rateLimitHttp503 = http503;
  const bare = asBool(b.bareLists);
  if (bare !== undefined) out.bareLists = bare;
  if (b.onlyFor === null || typeof b.onlyFor === 'string') out.onlyFor = b.onlyFor || null;
  return out;
}

function dumpState(core: SimCore) {
  const s = core.state;
  return {
    url: core.url,
    accounts: s.accounts.map((a) => ({ id: a.id, login: a.login })),
    projects: [...s.projects.values()].map(renderProject),
    stages: [...s.stages.values()].map((x) => ({ project_id: x.projectId, ...renderStage(x) })),
    customs: [...s.customs.values()].map(renderCustomDef),
    staff: [...s.staff.values()].map(renderStaff),
    contacts: [...s.contacts.values()].map((c) => renderContact(s, c)),
    leads: [...s.leads.values()].map((l) => renderLead(s, l)),
    comments: [...s.comments.values()].map((c) => ({ lead_id: c.leadId, ...renderComment(c) })),
    calls: [...s.calls.values()].map((c) => ({ lead_id: c.leadId, ...renderCall(core, c) })),
    callbacks: [...s.callbacks.values()].map((h) => ({ id: h.id, project_id: h.projectId, name: h.name, url: h.url })),
    tokens: s.tokens.size,
    deliveries: core.webhooks.deliveries,
    faults: core.faults.control.current(),
    stats: { requests: core.stats.requests.length, logins: core.stats.logins },
  };
}

export async function handleAdmin(core: SimCore, admin: LptAdmin, method: string, path: string, body: JsonObject): Promise<AdminReply> {
  const route = `${method} ${path.replace(/\/+$/, '').replace(/\/\d+(?=\/|$)/g, '/:id')}`;
  const id = Number(/\/(\d+)(?:\/|$)/.exec(path)?.[1]);
  const lead = (l: Parameters<typeof renderLead>[1]) => ({ lead: renderLead(core.state, l) });
  try {
    switch (route) {
      case 'GET /__sim/state': return { status: 200, body: dumpState(core) };
      case 'POST /__sim/leads': return { status: 201, body: lead(admin.createLead(leadInput(body))) };
      case 'POST /__sim/leads/:id': {
        const patch = { name: asString(body.name), stage: idOrName(body.stage), owner: asInt(body.owner), custom: customMap(body.custom) };
        return { status: 200, body: lead(admin.updateLead(id, patch)) };
      }
      case 'DELETE /__sim/leads/:id': admin.deleteLead(id); return { status: 200, body: { ok: true } };
      case 'POST /__sim/leads/:id/stage': {
        const stage = idOrName(body.stage);
        if (stage === undefined) throw new SimError(400, 'Укажите этап stage: название или id');
        return { status: 200, body: lead(admin.moveLead(id, stage)) };
      }
      case 'POST /__sim/leads/:id/calls': return { status: 201, body: { call: renderCall(core, admin.finishCall(id, callOutcome(body))) } };
      case 'POST /__sim/calls/script': {
        admin.scriptCallOutcomes((asArray(body.outcomes) ?? []).map((o) => callOutcome(asObject(o) ?? {})));
        return { status: 200, body: { queued: core.callQueue.length } };
      }
      case 'POST /__sim/faults':
        if (asBool(body.reset)) core.faults.control.reset();
        core.faults.control.set(faultPatch(body));
        return { status: 200, body: core.faults.control.current() };
      case 'POST /__sim/clock/advance': {
        const ms = Number(body.ms);
        core.clock.advance(ms);
        return { status: 200, body: { now: core.clock.now() } };
      }
      case 'POST /__sim/webhooks/flush':
        await core.webhooks.flush();
        return { status: 200, body: { deliveries: core.webhooks.deliveries.length } };
      default: return { status: 404, body: { error: `Неизвестный маршрут симулятора: ${method} ${path}` } };
    }
  } catch (e) {
    if (e instanceof SimError) return { status: e.code === 404 ? 404 : 400, body: { error: e.message } };
    if (e instanceof RangeError) return { status: 400, body: { error: e.message } };
    throw e;
  }
}
