import { UserError } from '../sdk/errors.ts';
import type { AttemptLimiter } from './attempt-limiter.ts';

/** 5 failures for one email+IP within 15 minutes lock that pair until the window passes. */
export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/**
 * Against password spraying from many addresses: 20 failures for one email within 15 minutes, from
 * any IPs, lock that email everywhere until the window passes. High enough that a user mistyping
 * from a few devices never meets it, low enough that a botnet gets 20 guesses per 15 minutes.
 */
export const ACCOUNT_MAX_FAILURES = 20;
export const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;

const pairLimit = (email: string, ip: string) => ({ key: `login:pair:${email}|${ip}`, max: THROTTLE_MAX_FAILURES, windowSeconds: THROTTLE_WINDOW_MS / 1000 });
const accountLimit = (email: string) => ({ key: `login:account:${email}`, max: ACCOUNT_MAX_FAILURES, windowSeconds: ACCOUNT_WINDOW_MS / 1000 });

function tooMany(seconds: number, message: string): UserError {
  return new UserError('TOO_MANY_ATTEMPTS', `${message} Повторите через ${Math.ceil(seconds / 60)} мин.`, {
    status: 429,
    details: { retryAfterSeconds: seconds },
  });
}

/**
 * Password checks (login, password change) counted per email+IP and per email. Each check takes an
 * attempt first and is counted as a failure unless `succeeded` forgives it, so concurrent guesses
 * cannot all be checked before any of them is counted.
 */
export function createLoginThrottle(limiter: AttemptLimiter) {
  /** Takes an attempt for the pair and for the account, or throws 429 `TOO_MANY_ATTEMPTS`. */
  async function begin(email: string, ip: string): Promise<void> {
    const pair = pairLimit(email, ip);
    const byPair = await limiter.take(pair);
    if (!byPair.ok) throw tooMany(byPair.retryAfterSeconds, 'Слишком много неудачных попыток входа.');
    const byAccount = await limiter.take(accountLimit(email));
    if (!byAccount.ok) {
      // The account refused it: this attempt is no failure of the pair.
      await limiter.refund(pair.key);
      throw tooMany(byAccount.retryAfterSeconds, 'Слишком много неудачных попыток входа в эту учётную запись.');
    }
  }

  /** The password was right: the pair starts afresh; the account only gets this attempt back. */
  async function succeeded(email: string, ip: string): Promise<void> {
    await limiter.reset(pairLimit(email, ip).key);
    await limiter.refund(accountLimit(email).key);
  }

  return { begin, succeeded };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
