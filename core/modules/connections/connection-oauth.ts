import { SignJWT, jwtVerify } from 'jose';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../../config/config.schema.ts';
import { secretAad, type SecretBox } from '../../crypto/secret-box.ts';
import { UserError } from '../../sdk/errors.ts';
import type { OpLog } from '../logs/op-log.service.ts';
import type { ConnectionRuntime } from './connection-runtime.ts';
import type { ConnectionService } from './connection.service.ts';

const STATE_TTL = '15m';

/**
 * The OAuth 2.0 authorization code flow of connections whose plugin declares `oauth`: «Войти» in
 * «Настройки» sends the user to the service's consent page with a signed `state` naming the
 * connection and the user; the callback checks it against the session, exchanges the code and
 * tests the connection (which loads its metadata).
 */
export function createConnectionOAuth(deps: { orm: MikroORM; config: Config; secretBox: SecretBox; runtime: ConnectionRuntime; connections: ConnectionService; opLog: OpLog }) {
  const key = new TextEncoder().encode(`oauth-state:${deps.config.SESSION_SECRET}`);
  const redirectUri = `${deps.config.PUBLIC_URL}/api/oauth/callback`;

  async function start(user: { id: string; tenantId: string }, connectionId: string): Promise<string> {
    const { conn } = await deps.connections.load(user.tenantId, connectionId);
    const oauth = deps.runtime.definition(conn.plugin).oauth;
    if (!oauth) throw new UserError('OAUTH_NOT_SUPPORTED', 'Это подключение не использует вход через OAuth');
    const state = await new SignJWT({ cid: conn.id, tid: user.tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime(STATE_TTL)
      .sign(key);
    return oauth.authorizeUrl({ credentials: deps.runtime.decrypt(conn), state, redirectUri });
  }

  /** Returns where to send the browser back: «Настройки», with the outcome. */
  async function callback(user: { id: string; tenantId: string }, query: Record<string, string>): Promise<string> {
    let connectionId: string | undefined;
    try {
      const { payload } = await jwtVerify(query.state ?? '', key, { algorithms: ['HS256'] }).catch(() => {
        throw new UserError('OAUTH_STATE_INVALID', 'Ссылка входа устарела или не от этого приложения: начните вход заново');
      });
      if (payload.sub !== user.id || payload.tid !== user.tenantId) throw new UserError('OAUTH_STATE_INVALID', 'Вход начат другим пользователем: начните его заново');
      connectionId = String(payload.cid);
      if (query.error) throw new UserError('OAUTH_DENIED', 'Доступ не разрешён: вход отменён в сервисе');
      if (!query.code) throw new UserError('OAUTH_NO_CODE', 'Сервис не передал код авторизации');
      const { em, conn } = await deps.connections.load(user.tenantId, connectionId);
      const oauth = deps.runtime.definition(conn.plugin).oauth!;
      const ctx = await deps.runtime.contextOf(conn);
      const credentials = await oauth.exchange(ctx, { code: query.code, query, redirectUri });
      conn.credentials = deps.secretBox.encryptJson(deps.runtime.definition(conn.plugin).schema.parse(credentials), secretAad(user.tenantId, conn.id));
      conn.credentialsVersion += 1;
      conn.status = 'unknown';
      conn.lastError = null;
      await em.flush();
      await deps.opLog.write({ tenantId: user.tenantId, level: 'info', source: 'connection', message: `Подключение «${conn.name}» авторизовано через OAuth`, context: { connectionId } });
      const view = await deps.connections.test(user.tenantId, conn.id);
      return settingsUrl(connectionId, view.status === 'ok' ? { oauth: 'ok' } : { oauth: 'error', message: view.lastError ?? '' });
    } catch (err) {
      const message = err instanceof UserError ? err.message : 'Не удалось завершить вход: попробуйте ещё раз';
      return settingsUrl(connectionId, { oauth: 'error', message });
    }
  }

  const settingsUrl = (connectionId: string | undefined, params: Record<string, string>) =>
    `/settings?${new URLSearchParams({ ...(connectionId ? { connection: connectionId } : {}), ...params })}`;

  return { start, callback, redirectUri };
}

export type ConnectionOAuth = ReturnType<typeof createConnectionOAuth>;
