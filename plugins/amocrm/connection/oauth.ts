/**
 * OAuth 2.0 of an amoCRM integration (reference §1.2): the consent page, the code exchange and the
 * refresh grant. Every refresh returns a new refresh token and outdates the old one, so the core
 * writes the new pair back at once and never runs two refreshes of one connection together.
 */
import { UserError, type ConnectionContext } from '../../../core/sdk/index.ts';
import { errorForResponse } from '../client/amo-errors.ts';
import { apiBase, type AmoCredentials, type AmoOAuthCredentials } from './credentials.schema.ts';

type Ctx = ConnectionContext<AmoCredentials>;

const HINTS_RU: Record<string, string> = {
  'Authorization code has expired': 'код авторизации истёк (он действует 20 минут)',
  'Authorization code has been revoked': 'код авторизации уже использован',
  'Cannot decrypt the authorization code': 'код авторизации не подходит к этой интеграции',
  'Invalid refresh token': 'токен обновления недействителен',
  'Token has been revoked': 'доступ отозван',
  'Check the `client_id` parameter': 'неверный ID интеграции',
  'Client authentication failed': 'неверный секретный ключ интеграции',
};

function oauthOnly(c: AmoCredentials): AmoOAuthCredentials {
  if (c.authType !== 'oauth') throw new UserError('AMOCRM_NOT_OAUTH', 'Это подключение использует долгосрочный токен: OAuth для него не нужен.');
  return c;
}

/** The consent page: amoCRM's shared one, or the `baseUrl` host's own (Kommo, the simulator). */
export function authorizeUrl(input: { credentials: AmoCredentials; state: string; redirectUri: string }): string {
  const c = oauthOnly(input.credentials);
  let page = 'https://www.amocrm.ru/oauth';
  if (c.baseUrl) page = /(^|\.)kommo\.com$/i.test(new URL(c.baseUrl).hostname) ? 'https://www.kommo.com/oauth' : `${apiBase(c)}/oauth`;
  const url = new URL(page);
  url.searchParams.set('client_id', c.clientId);
  url.searchParams.set('state', input.state);
  url.searchParams.set('mode', 'post_message');
  return url.toString();
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  server_time?: number;
}

async function tokenGrant(ctx: Ctx, c: AmoOAuthCredentials, grant: Record<string, string>, failCode: string, failText: string): Promise<AmoOAuthCredentials> {
  const res = await ctx.http.request({
    method: 'POST',
    url: `${apiBase(c)}/oauth2/access_token`,
    body: { client_id: c.clientId, client_secret: c.clientSecret, ...grant, ...(c.redirectUri ? { redirect_uri: c.redirectUri } : {}) },
    timeoutMs: 20_000,
  });
  const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as TokenAnswer & { hint?: string };
  if (res.status === 200 && body.access_token && body.refresh_token) {
    const now = typeof body.server_time === 'number' ? body.server_time : Math.floor(Date.now() / 1000);
    return { ...c, accessToken: body.access_token, refreshToken: body.refresh_token, expiresAt: now + (body.expires_in ?? 86_400) };
  }
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    const hint = body.hint ? (HINTS_RU[body.hint] ?? body.hint) : `ответ ${res.status}`;
    throw new UserError(failCode, `${failText}: ${hint}.`, { details: { status: res.status, body: res.body } });
  }
  throw errorForResponse(res);
}

export async function exchangeCode(ctx: Ctx, input: { code: string; query: Record<string, string>; redirectUri: string }): Promise<AmoCredentials> {
  const c = { ...oauthOnly(ctx.credentials), redirectUri: input.redirectUri };
  // The consent page names the account the user picked; without a baseUrl that is where the API is.
  const referer = /^([a-z0-9-]+)\.amocrm\.(ru|com)$/i.exec(input.query.referer ?? '');
  if (!c.baseUrl && referer && referer[2]!.toLowerCase() === 'ru') c.subdomain = referer[1]!.toLowerCase();
  return tokenGrant(ctx, c, { grant_type: 'authorization_code', code: input.code }, 'AMOCRM_OAUTH_FAILED', 'AmoCRM не выдал доступ');
}

export async function refreshTokens(ctx: Ctx): Promise<AmoCredentials> {
  const c = oauthOnly(ctx.credentials);
  if (!c.refreshToken) throw new UserError('AMOCRM_NOT_CONNECTED', 'Подключение AmoCRM не завершено: нажмите «Подключить» в «Настройках» и разрешите доступ в AmoCRM.');
  return tokenGrant(
    ctx,
    c,
    { grant_type: 'refresh_token', refresh_token: c.refreshToken },
    'AMOCRM_UNAUTHORIZED',
    'Не удалось обновить доступ к AmoCRM, переподключите аккаунт в «Настройках»',
  );
}
