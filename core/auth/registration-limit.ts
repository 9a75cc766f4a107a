import { UserError } from '../sdk/errors.ts';
import type { AttemptLimiter } from './attempt-limiter.ts';

export const REGISTRATION_WINDOW_SECONDS = 3600;

/**
 * Registration attempts per IP address per hour (`REGISTRATION_LIMIT_PER_HOUR`; 0 — none). Every
 * attempt that reaches the database counts, a refused duplicate email too: each costs an argon2
 * hash and tells whether an email is registered.
 */
export function createRegistrationLimit(limiter: AttemptLimiter, perHour: number) {
  async function begin(ip: string): Promise<void> {
    if (perHour === 0) return;
    const res = await limiter.take({ key: `register:ip:${ip}`, max: perHour, windowSeconds: REGISTRATION_WINDOW_SECONDS });
    if (!res.ok) {
      throw new UserError('TOO_MANY_REGISTRATIONS', `Слишком много регистраций с вашего адреса. Повторите через ${Math.ceil(res.retryAfterSeconds / 60)} мин.`, {
        status: 429,
        details: { retryAfterSeconds: res.retryAfterSeconds },
      });
    }
  }

  return { begin };
}

export type RegistrationLimit = ReturnType<typeof createRegistrationLimit>;
