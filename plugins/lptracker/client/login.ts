/**
 * `POST /login`: the only call without a token. It counts towards the account's 3 requests per
 * second like any other, so it goes through the connection's rate-limited `http`.
 */
import { OperationalError, UserError, type HttpClient } from '../../../core/sdk/index.ts';
import { apiBase, DEFAULT_SERVICE, type LptCredentials } from '../connection/credentials.schema.ts';
import { decodeResponse } from './lpt-errors.ts';
import { lptTimeouts } from './timeouts.ts';

export async function login(http: HttpClient, c: LptCredentials, nowMs = Date.now()): Promise<LptCredentials> {
  let res;
  try {
    res = await http.request({
      method: 'POST',
      url: `${apiBase(c)}/login`,
      body: { login: c.login, password: c.password, service: c.service || DEFAULT_SERVICE, version: '1.0' },
      timeoutMs: lptTimeouts.requestMs,
    });
  } catch (err) {
    if (err instanceof OperationalError) {
      throw new OperationalError('LPTRACKER_UNREACHABLE', `Не удалось войти в LPTracker: ${err.message}`, { cause: err });
    }
    throw err;
  }
  const decoded = decodeResponse(res, '/login');
  if (decoded.kind === 'unauthorized') {
    throw new UserError('LPTRACKER_AUTH_FAILED', 'LPTracker не принял логин или пароль. Администратор платформы должен обновить данные подключения.', {
      details: { code: 401, message: decoded.message },
    });
  }
  const token = (decoded.result as { token?: unknown } | null)?.token;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new OperationalError('LPTRACKER_BAD_RESPONSE', 'LPTracker не вернул токен после входа: попытка будет повторена.');
  }
  return { ...c, token: token.trim(), tokenAt: nowMs };
}
