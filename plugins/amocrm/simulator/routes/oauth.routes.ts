import type { OAuthStore } from '../oauth-store.ts';
import { problems, type Reply } from '../problem.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';
import { isObj } from '../validation.ts';

// The consent page and the token endpoint (reference §1.2). The consent page stands in for
// www.amocrm.ru/oauth: one account, one user, two buttons.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function html(status: number, body: string): Reply {
  const page = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>amoCRM — доступ к аккаунту</title>
<style>body{font-family:system-ui,sans-serif;background:#1a1a1a;color:#eee;display:flex;justify-content:center;padding-top:10vh}
main{background:#2b2b2b;padding:32px;border-radius:12px;max-width:420px}button{padding:10px 20px;border:0;border-radius:8px;margin-right:8px;cursor:pointer;font-size:15px}
.allow{background:#4f6bed;color:#fff}.deny{background:#444;color:#eee}</style></head><body><main>${body}</main></body></html>`;
  return { status, text: page, contentType: 'text/html; charset=utf-8' };
}

function redirect(location: string): Reply {
  return { status: 302, headers: { location } };
}

function withQuery(base: string, params: Record<string, string>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function registerOAuthRoutes(router: Router, core: SimCore, store: OAuthStore): void {
  const referer = () => `${core.state.account.subdomain}.amocrm.ru`;

  router.add('GET', '/oauth', (r) => {
    const clientId = str(r.query.client_id) ?? '';
    const client = store.clients.get(clientId);
    if (!client) return html(404, '<h1>Интеграция не найдена</h1><p>Проверьте параметр client_id.</p>');
    const state = str(r.query.state) ?? '';
    const mode = str(r.query.mode) ?? 'post_message';
    return html(
      200,
      `<h1>Предоставить доступ</h1><p>Интеграция <b>${esc(clientId)}</b> запрашивает доступ к аккаунту <b>${esc(referer())}</b>.</p>
<form method="post" action="/oauth/decision">
<input type="hidden" name="client_id" value="${esc(clientId)}"><input type="hidden" name="state" value="${esc(state)}"><input type="hidden" name="mode" value="${esc(mode)}">
<button class="allow" name="decision" value="allow">Разрешить</button><button class="deny" name="decision" value="deny">Отказать</button>
</form>`,
    );
  });

  router.add('POST', '/oauth/decision', (r) => {
    const b = isObj(r.body) ? r.body : {};
    const clientId = str(b.client_id) ?? '';
    const client = store.clients.get(clientId);
    if (!client) return html(404, '<h1>Интеграция не найдена</h1>');
    const state = str(b.state) ?? '';
    if (b.decision !== 'allow') return redirect(withQuery(client.redirectUri, { error: 'access_denied', state, client_id: clientId }));
    const code = store.createCode(clientId)!;
    return redirect(withQuery(client.redirectUri, { code, state, referer: referer(), client_id: clientId }));
  });

  router.add('POST', '/oauth2/access_token', (r) => {
    const b = isObj(r.body) ? r.body : {};
    const params: Record<string, string | undefined> = {};
    for (const k of ['client_id', 'client_secret', 'grant_type', 'code', 'refresh_token', 'redirect_uri']) params[k] = str(b[k]);
    const result = store.grant(params);
    if (!result.ok) return problems.oauth(result.hint, result.status);
    return { status: 200, json: result.pair, contentType: 'application/json' };
  });

  // The SDK asks here for the account's current domain when a refresh fails with 401/404.
  router.add('GET', '/oauth2/account/current/subdomain', (r) => {
    const token = str(r.headers['x-refresh-token']);
    if (!token || !store.knowsRefresh(token)) return problems.unauthorized();
    const a = core.state.account;
    return { status: 200, json: { id: a.id, subdomain: a.subdomain, domain: referer(), top_level_domain: 'ru' }, contentType: 'application/json' };
  });
}
