/**
 * The account's webhook subscription follows the tenant's active rules: the connection's `hookUrl`
 * is subscribed (`POST /api/v4/webhooks`, which replaces the settings of an existing destination)
 * to exactly the events its active triggers need, and unsubscribed when none is left. What was
 * subscribed is kept in the connection state under `webhook`.
 */
import type { ActiveTrigger } from '../../../core/sdk/index.ts';
import { amoRequest } from '../client/amo-client.ts';
import type { AmoRemote } from '../client/amo-remote.ts';

export const WEBHOOK_STATE_KEY = 'webhook';

export interface WebhookSubscription {
  destination: string;
  settings: string[];
  id?: number;
}

const NOTE_SETTINGS: Record<string, string[]> = {
  lead: ['note_lead'],
  contact: ['note_contact'],
  company: ['note_company'],
  any: ['note_lead', 'note_contact', 'note_company'],
};

/** AmoCRM event codes (`settings`) a trigger needs. */
export function settingsFor(trigger: ActiveTrigger): string[] {
  const id = trigger.type.replace(/^amocrm\./, '');
  switch (id) {
    case 'lead_added':
      return ['add_lead'];
    case 'lead_status_changed':
      return ['status_lead'];
    case 'lead_updated':
      return ['update_lead'];
    case 'lead_responsible_changed':
      return ['responsible_lead'];
    case 'lead_deleted':
      return ['delete_lead'];
    case 'contact_added':
      return ['add_contact'];
    case 'contact_updated':
      return ['update_contact'];
    case 'company_added':
      return ['add_company'];
    case 'note_added':
      return NOTE_SETTINGS[String(trigger.props.entity ?? 'lead')] ?? NOTE_SETTINGS.lead!;
    default:
      return [];
  }
}

export function settingsForAll(triggers: ActiveTrigger[]): string[] {
  return [...new Set(triggers.flatMap(settingsFor))].sort();
}

export async function syncWebhooks(remote: AmoRemote, input: { hookUrl: string; triggers: ActiveTrigger[] }): Promise<void> {
  const settings = settingsForAll(input.triggers);
  const before = (await remote.state.get<WebhookSubscription>(WEBHOOK_STATE_KEY))?.value;
  // A new address (the connection's hook URL was rotated): the old one must not keep receiving.
  if (before && before.destination !== input.hookUrl) {
    await amoRequest(remote, { method: 'DELETE', path: '/api/v4/webhooks', body: { destination: before.destination } });
  }
  if (settings.length === 0) {
    await amoRequest(remote, { method: 'DELETE', path: '/api/v4/webhooks', body: { destination: input.hookUrl } });
    await remote.state.delete(WEBHOOK_STATE_KEY);
    return;
  }
  const { body } = await amoRequest<{ id?: number; settings?: string[] }>(remote, {
    method: 'POST',
    path: '/api/v4/webhooks',
    body: { destination: input.hookUrl, settings, sort: 10 },
  });
  const sub: WebhookSubscription = { destination: input.hookUrl, settings: Array.isArray(body?.settings) ? body.settings : settings };
  if (typeof body?.id === 'number') sub.id = body.id;
  await remote.state.put(WEBHOOK_STATE_KEY, sub);
}
