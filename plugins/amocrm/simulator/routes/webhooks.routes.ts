import { filterOf } from '../list-query.ts';
import { hal, noContent, problems } from '../problem.ts';
import type { Router } from '../router.ts';
import { href, type SimCore } from '../sim-core.ts';
import { nowSec } from '../sim-state.ts';
import { isInt, isObj, issue, type ValidationIssue } from '../validation.ts';
import { webhookView } from '../views.ts';

const FAMILIES = ['lead', 'contact', 'company', 'customer'];
/** Event codes from reference §7.1 (confirmed ones plus the documented families). */
export const WEBHOOK_SETTINGS = new Set<string>([
  ...FAMILIES.flatMap((e) => ['add', 'update', 'delete', 'restore', 'responsible', 'note'].map((a) => `${a}_${e}`)),
  'status_lead',
  'add_task',
  'update_task',
  'delete_task',
  'responsible_task',
  'add_message',
  'add_outgoing_message',
  'add_unsorted',
  'delete_unsorted',
  'add_talk',
  'update_talk',
]);
const MAX_WEBHOOKS = 100;

export function registerWebhookRoutes(router: Router, core: SimCore): void {
  const s = core.state;

  router.add('GET', '/api/v4/webhooks', (r) => {
    const dest = filterOf(r.query).destination;
    const list = s.webhooks.filter((w) => typeof dest !== 'string' || w.destination === dest);
    if (list.length === 0) return noContent();
    return hal({ _total_items: list.length, _links: { self: href(core, '/api/v4/webhooks') }, _embedded: { webhooks: list.map(webhookView) } });
  });

  // A single object, not an array; re-posting a destination replaces its settings.
  router.add('POST', '/api/v4/webhooks', (r) => {
    if (r.body === undefined) return problems.emptyBody();
    const issues: ValidationIssue[] = [];
    const b = isObj(r.body) ? r.body : {};
    if (!isObj(r.body)) issues.push(issue.type('', 'object'));
    const destination = typeof b.destination === 'string' ? b.destination.trim() : '';
    if (!/^https?:\/\/\S+$/i.test(destination)) issues.push(b.destination === undefined ? issue.blank('destination') : issue.choice('destination'));
    const settings = Array.isArray(b.settings) ? b.settings : isObj(b.settings) ? Object.values(b.settings) : undefined;
    if (!settings || settings.length === 0) issues.push(settings ? issue.blank('settings') : issue.type('settings', 'array'));
    else settings.forEach((x, i) => typeof x === 'string' && WEBHOOK_SETTINGS.has(x) ? undefined : issues.push(issue.choice(`settings.${i}`)));
    const sort = b.sort === undefined ? undefined : isInt(b.sort) ? b.sort : (issues.push(issue.type('sort', 'int')), undefined);
    const existing = s.webhooks.find((w) => w.destination === destination);
    if (!existing && s.webhooks.length >= MAX_WEBHOOKS) issues.push(issue.tooMany('destination', MAX_WEBHOOKS));
    if (issues.length > 0) return problems.validation([{ request_id: '0', errors: issues }]);
    const now = nowSec();
    const unique = [...new Set((settings ?? []).map(String))];
    if (existing) {
      existing.settings = unique;
      existing.updated_at = now;
      existing.disabled = false;
      if (sort !== undefined) existing.sort = sort;
      return hal(webhookView(existing));
    }
    const hook = {
      id: s.nextId.webhook++,
      destination,
      created_at: now,
      updated_at: now,
      account_id: s.account.id,
      created_by: core.actorId(),
      sort: sort ?? 1,
      disabled: false,
      settings: unique,
    };
    s.webhooks.push(hook);
    return hal(webhookView(hook));
  });

  router.add('DELETE', '/api/v4/webhooks', (r) => {
    const destination = isObj(r.body) && typeof r.body.destination === 'string' ? r.body.destination.trim() : undefined;
    if (!destination) return problems.validation([{ request_id: '0', errors: [issue.blank('destination')] }]);
    s.webhooks = s.webhooks.filter((w) => w.destination !== destination);
    return noContent();
  });
}
