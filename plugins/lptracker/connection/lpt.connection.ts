/**
 * The LPTracker connection, bound by a platform admin: login, password and service; the session
 * token from `POST /login` lives in the credentials and is renewed through the SDK's refresh
 * (before it could idle out, and after a code 401). 3 requests per second per account, shared by
 * every process and every connection to the same account.
 */
import { defineConnection } from '../../../core/sdk/index.ts';
import { lptList } from '../client/lpt-client.ts';
import { login } from '../client/login.ts';
import type { LptMetadata } from '../metadata/lpt-metadata.types.ts';
import { loadLptMetadata } from '../metadata/load-metadata.ts';
import { lptOptions, summarizeMetadata } from '../metadata/metadata-options.ts';
import { accountKey, lptCredentialsSchema } from './credentials.schema.ts';
import { tokenDue } from './token-lifetime.ts';
import { syncWebhooks } from './webhooks-sync.ts';

const projectsWord = (n: number) => {
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return 'проект';
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 'проекта';
  return 'проектов';
};

export const lptConnection = defineConnection<typeof lptCredentialsSchema, LptMetadata>({
  title: 'Аккаунт LPTracker',
  schema: lptCredentialsSchema,
  adminBound: true,
  async test(ctx) {
    // Always a fresh login: credentials that were just replaced may still carry the old token.
    const creds = await ctx.refreshCredentials();
    const projects = await lptList(ctx, '/projects');
    // The tenant's users see this line: it names the projects, never the login the admin typed.
    const names = projects.map((p) => (p as { name?: unknown }).name).filter((n): n is string => typeof n === 'string' && n !== '');
    const shown = names.slice(0, 2).map((n) => `«${n}»`).join(', ');
    const rest = projects.length - Math.min(2, names.length);
    const account = !shown ? `${projects.length} ${projectsWord(projects.length)}` : rest > 0 ? `${shown} и ещё ${rest} ${projectsWord(rest)}` : shown;
    return { account: `LPTracker: ${account}`, accountId: creds.login };
  },
  refresh: {
    due: (c) => tokenDue(c),
    run: (ctx) => login(ctx.http, ctx.credentials),
  },
  rateLimit: { perSecond: 3, key: (c) => accountKey(c) },
  metadata: { load: loadLptMetadata, summary: summarizeMetadata },
  options: lptOptions,
  webhooks: { sync: syncWebhooks },
});
