import { badRequest, SimError } from '../envelope.ts';
import { asString } from '../json-input.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';

const LOGIN_FIELDS = ['login', 'password', 'service', 'version'] as const;

/**
 * The account behind a `token` header, or null. Each use pushes the idle deadline forward;
 * an idle token is dropped so it stays dead even if the clock were wound back.
 */
export function resolveToken(core: SimCore, token: string | null): number | null {
  if (!token) return null;
  const entry = core.state.tokens.get(token);
  if (!entry) return null;
  const now = core.clock.now();
  if (now - entry.lastUsedAt > core.opts.idleTimeoutMs) {
    core.state.tokens.delete(token);
    return null;
  }
  entry.lastUsedAt = now;
  return entry.accountId;
}

export function accountByLogin(core: SimCore, login: string | undefined): number | null {
  return core.state.accounts.find((a) => a.login === login)?.id ?? null;
}

export function registerAuthRoutes(router: Router): void {
  router.add('POST', '/login', ({ core, body }) => {
    const missing = LOGIN_FIELDS.filter((k) => !asString(body[k]));
    if (missing.length > 0) throw badRequest(`Не заполнены обязательные поля: ${missing.join(', ')}`);
    if (asString(body.version) !== '1.0') throw badRequest('Неподдерживаемая версия API, допустима только 1.0');
    const account = core.state.accounts.find((a) => a.login === asString(body.login) && a.password === asString(body.password));
    // The exact wording of the official docs: clients may match on it.
    if (!account) throw new SimError(401, 'Invalid login or password');
    let token = core.random.alnum(32);
    while (core.state.tokens.has(token)) token = core.random.alnum(32);
    const now = core.clock.now();
    core.state.tokens.set(token, { token, accountId: account.id, issuedAt: now, lastUsedAt: now, service: asString(body.service) ?? '' });
    core.stats.logins++;
    return { token };
  }, false);

  router.add('POST', '/logout', ({ core, token }) => {
    if (token) core.state.tokens.delete(token);
    return undefined;
  });
}
