import { SimAdminError, type AdminCompanyInput, type AdminContactInput, type AdminLeadInput, type AdminNoteInput, type AdminTaskInput, type AmoAdmin } from './admin-api.ts';
import { parseFaultsPatch, type Faults } from './faults.ts';
import type { OAuthStore } from './oauth-store.ts';
import type { Reply } from './problem.ts';
import type { RouteRequest, Router } from './router.ts';
import type { AmoDelivery, AmoFaults, AmoState } from './sim-types.ts';
import { isInt, isObj } from './validation.ts';

// The `/__sim/` HTTP API: no auth, no rate limit. It lets `npm run demo` and a newcomer drive the
// fake CRM with curl, e.g. move a lead and watch the webhook arrive.

export interface AdminHttpDeps {
  state: AmoState;
  admin: AmoAdmin;
  faults: Faults;
  oauth: OAuthStore;
  issueLongLivedToken(opts?: { expiresInSeconds?: number }): string;
  revokeAllTokens(): void;
  unban(): void;
  stats(): { requests: number; peakRequestsPerSecond: number; refreshes: number; banned: boolean };
  deliveries: AmoDelivery[];
  flushWebhooks(): Promise<void>;
}

const json = (status: number, body: object): Reply => ({ status, json: body, contentType: 'application/json; charset=utf-8' });
const error = (status: number, message: string): Reply => json(status, { error: message });
const done = (): Reply => ({ status: 204 });

/** Runs an admin call and turns its failures into Russian JSON errors. */
function guarded(fn: (r: RouteRequest) => Reply | Promise<Reply>): (r: RouteRequest) => Promise<Reply> {
  return async (r) => {
    try {
      return await fn(r);
    } catch (e) {
      if (e instanceof SimAdminError) return error(e.status, e.message);
      if (e instanceof TypeError) return error(400, 'Неверный формат данных: проверьте типы полей');
      throw e;
    }
  };
}

function objBody(r: RouteRequest): Record<string, unknown> {
  if (!isObj(r.body)) throw new SimAdminError('Ожидается JSON-объект в теле запроса');
  return r.body;
}

export function stateSnapshot(s: AmoState): object {
  return {
    account: s.account,
    users: s.users,
    pipelines: s.pipelines,
    customFields: s.customFields,
    leads: [...s.leads.values()],
    contacts: [...s.contacts.values()],
    companies: [...s.companies.values()],
    notes: [...s.notes.values()],
    tasks: [...s.tasks.values()],
    links: s.links,
    tags: s.tags,
    webhooks: s.webhooks,
  };
}

export function registerAdminRoutes(router: Router, d: AdminHttpDeps): void {
  const add = (method: string, path: string, fn: (r: RouteRequest) => Reply | Promise<Reply>) => router.add(method, path, guarded(fn));

  add('GET', '/__sim/state', () => json(200, stateSnapshot(d.state)));
  add('GET', '/__sim/stats', () => json(200, d.stats()));
  add('GET', '/__sim/deliveries', () => json(200, { deliveries: d.deliveries }));
  add('POST', '/__sim/flush-webhooks', async () => {
    await d.flushWebhooks();
    return done();
  });

  add('POST', '/__sim/leads', (r) => json(201, d.admin.createLead(objBody(r) as AdminLeadInput)));
  add('PATCH', '/__sim/leads/:id', (r) => json(200, d.admin.updateLead(r.params.id!, objBody(r) as AdminLeadInput)));
  add('DELETE', '/__sim/leads/:id', (r) => {
    d.admin.deleteLead(r.params.id!);
    return done();
  });
  add('POST', '/__sim/leads/:id/move', (r) => {
    const b = objBody(r);
    if (typeof b.status === 'string') {
      const input: AdminLeadInput = { status: b.status };
      if (typeof b.pipeline === 'string') input.pipeline = b.pipeline;
      return json(200, d.admin.updateLead(r.params.id!, input));
    }
    if (!isInt(b.statusId)) throw new SimAdminError('Укажите statusId (число) или status (название этапа) и, при необходимости, pipeline');
    if (b.pipelineId !== undefined && !isInt(b.pipelineId)) throw new SimAdminError('pipelineId должен быть числом');
    return json(200, d.admin.moveLead(r.params.id!, b.statusId, b.pipelineId as number | undefined));
  });
  add('POST', '/__sim/contacts', (r) => json(201, d.admin.createContact(objBody(r) as AdminContactInput)));
  add('PATCH', '/__sim/contacts/:id', (r) => json(200, d.admin.updateContact(r.params.id!, objBody(r) as AdminContactInput)));
  add('POST', '/__sim/companies', (r) => json(201, d.admin.createCompany(objBody(r) as unknown as AdminCompanyInput)));
  add('POST', '/__sim/notes', (r) => json(201, d.admin.addNote(objBody(r) as unknown as AdminNoteInput)));
  add('POST', '/__sim/tasks', (r) => json(201, d.admin.createTask(objBody(r) as unknown as AdminTaskInput)));

  add('GET', '/__sim/faults', () => json(200, d.faults.current()));
  add('POST', '/__sim/faults', (r) => {
    const patch = parseFaultsPatch(r.body);
    if (typeof patch === 'string') return error(400, patch);
    d.faults.set(patch);
    return json(200, d.faults.current() satisfies AmoFaults);
  });
  add('DELETE', '/__sim/faults', () => {
    d.faults.reset();
    return json(200, d.faults.current());
  });
  add('POST', '/__sim/unban', () => {
    d.unban();
    return done();
  });

  add('POST', '/__sim/oauth/clients', (r) => {
    const b = objBody(r);
    const { clientId, clientSecret, redirectUri } = b;
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof redirectUri !== 'string' || !/^https?:\/\//.test(redirectUri)) {
      return error(400, 'Нужны clientId, clientSecret и redirectUri (адрес http:// или https://)');
    }
    d.oauth.registerClient({ clientId, clientSecret, redirectUri });
    return json(201, { clientId, redirectUri });
  });
  add('POST', '/__sim/oauth/code', (r) => {
    const b = objBody(r);
    if (typeof b.clientId !== 'string') return error(400, 'Укажите clientId');
    const client = d.oauth.clients.get(b.clientId);
    if (!client) return error(404, `Интеграция ${b.clientId} не зарегистрирована`);
    if (b.redirectUri !== undefined && b.redirectUri !== client.redirectUri) return error(400, 'redirectUri не совпадает с адресом, указанным при регистрации интеграции');
    return json(201, { code: d.oauth.createCode(b.clientId)! });
  });
  add('POST', '/__sim/tokens', (r) => {
    const b = isObj(r.body) ? r.body : {};
    if (b.expiresInSeconds !== undefined && !isInt(b.expiresInSeconds)) return error(400, 'expiresInSeconds должен быть целым числом');
    const opts = isInt(b.expiresInSeconds) ? { expiresInSeconds: b.expiresInSeconds } : {};
    return json(201, { token: d.issueLongLivedToken(opts) });
  });
  add('POST', '/__sim/revoke-tokens', () => {
    d.revokeAllTokens();
    return done();
  });
}
