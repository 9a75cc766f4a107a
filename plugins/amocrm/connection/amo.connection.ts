/**
 * The AmoCRM connection: a long-lived token or OAuth 2.0, 7 requests per second per account
 * (whichever connection reaches it), metadata for the editor's pickers, and the webhook
 * subscription of the connection's `hookUrl`.
 */
import { defineConnection } from '../../../core/sdk/index.ts';
import { amoGet } from '../client/amo-client.ts';
import type { AmoMetadata } from '../metadata/amo-metadata.types.ts';
import { loadAmoMetadata } from '../metadata/load-metadata.ts';
import { amoOptions, summarizeMetadata } from '../metadata/metadata-options.ts';
import { accountHost, amoCredentialsSchema, apiBase } from './credentials.schema.ts';
import { authorizeUrl, exchangeCode, refreshTokens } from './oauth.ts';
import { refreshDue } from './token-lifetime.ts';
import { syncWebhooks } from './webhooks-sync.ts';

const CARD_PATHS: Record<string, string> = { lead: 'leads', contact: 'contacts', company: 'companies' };

export const amoConnection = defineConnection<typeof amoCredentialsSchema, AmoMetadata>({
  title: 'Аккаунт AmoCRM',
  schema: amoCredentialsSchema,
  async test(ctx) {
    const account = await amoGet<{ id?: number; name?: string; subdomain?: string }>(ctx, '/api/v4/account');
    const name = account?.name || account?.subdomain || ctx.credentials.subdomain;
    return { account: name, ...(account?.id ? { accountId: String(account.id) } : {}) };
  },
  refresh: { due: (c) => refreshDue(c), run: refreshTokens },
  oauth: {
    pending: (c) => c.authType === 'oauth' && !c.accessToken,
    authorizeUrl,
    exchange: exchangeCode,
  },
  rateLimit: { perSecond: 7, key: (c) => accountHost(c) },
  metadata: { load: loadAmoMetadata, summary: summarizeMetadata },
  options: amoOptions,
  webhooks: { sync: syncWebhooks },
  // The account's own web interface lives on the same host as its API.
  entityUrl: (c, ref) => (CARD_PATHS[ref.type] && /^\d+$/.test(ref.id) ? `${apiBase(c)}/${CARD_PATHS[ref.type]}/detail/${ref.id}` : null),
});
