import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.schema.ts';
import { ConflictError, ForbiddenError, UnauthorizedError, UserError } from '../sdk/errors.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { User, type IUser } from '../modules/users/user.entity.ts';
import { UserSession } from '../modules/users/user-session.entity.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { RegistrationLimit } from './registration-limit.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  tenant: { id: string; name: string };
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function toMe(user: Pick<IUser, 'id' | 'email' | 'name' | 'role'>, tenant: { id: string; name: string }): Me {
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenant: { id: tenant.id, name: tenant.name } };
}

const registrationClosed = () => new ForbiddenError('Регистрация закрыта администратором', 'REGISTRATION_CLOSED');

export interface PasswordChange {
  userId: string;
  email: string;
  ip: string;
  currentPassword: string;
  newPassword: string;
  /** The session the change was made from: it stays, every other one ends. */
  keepSessionId: string;
}

export function createAuthService(deps: { orm: MikroORM; config: Config; throttle: LoginThrottle; registrationLimit: RegistrationLimit; opLog: OpLog }) {
  const { orm, config, throttle, registrationLimit, opLog } = deps;

  async function register(input: { email: string; password: string; name: string; company?: string }, ip: string): Promise<Me> {
    const email = normaliseEmail(input.email);
    const closed = config.REGISTRATION === 'closed';
    // Refused before it costs a hash or an attempt; checked again under the lock below.
    if (closed && (await orm.em.fork().count(User, {})) > 0) throw registrationClosed();
    await registrationLimit.begin(ip);
    const passwordHash = await hashPassword(input.password);
    const em = orm.em.fork();
    try {
      const me = await em.transactional(async (tem) => {
        // Serialises registrations so that exactly one "first user" becomes the platform admin.
        await tem.execute('select pg_advisory_xact_lock(727275)');
        const isFirst = (await tem.count(User, {})) === 0;
        // A closed installation still lets its very first user in, or nobody could ever sign in.
        if (closed && !isFirst) throw registrationClosed();
        const isAdmin = isFirst || (config.ADMIN_EMAIL !== undefined && normaliseEmail(config.ADMIN_EMAIL) === email);
        const tenant = tem.create(Tenant, { name: input.company?.trim() || input.name.trim() });
        const user = tem.create(User, {
          tenant,
          email,
          name: input.name.trim(),
          passwordHash,
          role: isAdmin ? 'admin' : 'member',
          tenantRole: 'owner',
          lastLoginAt: new Date(),
        });
        await tem.flush();
        return toMe(user, tenant);
      });
      await opLog.write({ tenantId: me.tenant.id, level: 'info', source: 'auth', message: `Зарегистрирован пользователь ${me.email}`, context: { userId: me.id, role: me.role, ip } });
      return me;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw new ConflictError('EMAIL_TAKEN', 'Пользователь с таким email уже зарегистрирован', { fields: { email: 'Этот email уже занят' } });
      }
      throw err;
    }
  }

  async function login(input: { email: string; password: string }, ip: string): Promise<Me> {
    const email = normaliseEmail(input.email);
    // The attempt is counted before the password is checked (see login-throttle.ts).
    await throttle.begin(email, ip);
    const em = orm.em.fork();
    const user = await em.findOne(User, { email }, { populate: ['passwordHash', 'tenant'] });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
    if (!user || !ok) {
      if (user) {
        await opLog.write({ tenantId: user.tenant.id, level: 'warn', source: 'auth', message: `Неудачная попытка входа для ${email}`, context: { ip } });
      }
      throw new UnauthorizedError('Неверный email или пароль', 'INVALID_CREDENTIALS');
    }
    await throttle.succeeded(email, ip);
    user.lastLoginAt = new Date();
    await em.flush();
    return toMe(user, user.tenant);
  }

  /**
   * Checks the current password (a guess counts like a failed login), stores the new hash and
   * ends every other session in one transaction, so a stolen session dies with the old password.
   */
  async function changePassword(input: PasswordChange): Promise<{ endedSessions: number }> {
    if (input.newPassword === input.currentPassword) {
      throw new UserError('PASSWORD_UNCHANGED', 'Новый пароль совпадает с текущим', {
        details: { fields: { newPassword: 'Новый пароль должен отличаться от текущего' } },
      });
    }
    await throttle.begin(input.email, input.ip);
    const em = orm.em.fork();
    const user = await em.findOne(User, { id: input.userId }, { populate: ['passwordHash', 'tenant'] });
    if (!user) throw new UnauthorizedError();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await opLog.write({ tenantId: user.tenant.id, level: 'warn', source: 'auth', message: `Неверный текущий пароль при смене пароля ${user.email}`, context: { ip: input.ip } });
      throw new UserError('WRONG_PASSWORD', 'Неверный текущий пароль', { details: { fields: { currentPassword: 'Неверный текущий пароль' } } });
    }
    await throttle.succeeded(input.email, input.ip);
    const passwordHash = await hashPassword(input.newPassword);
    const endedSessions = await em.transactional(async (tem) => {
      await tem.nativeUpdate(User, { id: user.id }, { passwordHash, updatedAt: new Date() });
      return await tem.nativeDelete(UserSession, { user: user.id, id: { $ne: input.keepSessionId } });
    });
    await opLog.write({
      tenantId: user.tenant.id,
      level: 'info',
      source: 'auth',
      message: `Пользователь ${user.email} сменил пароль; завершено других сеансов: ${endedSessions}`,
      context: { userId: user.id, ip: input.ip, endedSessions },
    });
    return { endedSessions };
  }

  return { register, login, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
