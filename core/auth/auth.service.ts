import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.schema.ts';
import { ConflictError, UnauthorizedError, UserError } from '../sdk/errors.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { User, type IUser } from '../modules/users/user.entity.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import type { LoginThrottle } from './login-throttle.ts';
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

export function createAuthService(deps: { orm: MikroORM; config: Config; throttle: LoginThrottle; opLog: OpLog }) {
  const { orm, config, throttle, opLog } = deps;

  async function register(input: { email: string; password: string; name: string; company?: string }): Promise<Me> {
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const em = orm.em.fork();
    try {
      const me = await em.transactional(async (tem) => {
        // Serialises registrations so that exactly one "first user" becomes the platform admin.
        await tem.execute('select pg_advisory_xact_lock(727275)');
        const isFirst = (await tem.count(User, {})) === 0;
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
      await opLog.write({ tenantId: me.tenant.id, level: 'info', source: 'auth', message: `Зарегистрирован пользователь ${me.email}`, context: { userId: me.id, role: me.role } });
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
    const wait = await throttle.blockedFor(email, ip);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new UserError('TOO_MANY_ATTEMPTS', `Слишком много неудачных попыток входа. Повторите через ${minutes} мин.`, {
        status: 429,
        details: { retryAfterSeconds: wait },
      });
    }
    const em = orm.em.fork();
    const user = await em.findOne(User, { email }, { populate: ['passwordHash', 'tenant'] });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
    if (!user || !ok) {
      await throttle.recordFailure(email, ip);
      if (user) {
        await opLog.write({ tenantId: user.tenant.id, level: 'warn', source: 'auth', message: `Неудачная попытка входа для ${email}`, context: { ip } });
      }
      throw new UnauthorizedError('Неверный email или пароль', 'INVALID_CREDENTIALS');
    }
    await throttle.reset(email, ip);
    user.lastLoginAt = new Date();
    await em.flush();
    return toMe(user, user.tenant);
  }

  return { register, login };
}

export type AuthService = ReturnType<typeof createAuthService>;
