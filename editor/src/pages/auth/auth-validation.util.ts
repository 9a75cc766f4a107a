import { ApiError } from '../../api/client.ts';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string): string | undefined {
  if (!email.trim()) return 'Введите электронную почту';
  if (!EMAIL_RE.test(email.trim())) return 'Похоже, в адресе ошибка: нужен формат name@company.ru';
  return undefined;
}

export function checkPassword(password: string): string | undefined {
  if (!password) return 'Введите пароль';
  if (password.length < 8) return 'Пароль должен быть не короче 8 символов';
  return undefined;
}

export function checkName(name: string): string | undefined {
  return name.trim() ? undefined : 'Введите имя';
}

/** Drops empty entries: `{}` means the form is valid. */
export function compact<K extends string>(errors: FieldErrors<K>): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  for (const [k, v] of Object.entries(errors) as [K, string | undefined][]) if (v) out[k] = v;
  return out;
}

/**
 * Splits a server error into messages next to the fields it names and a general message for the callout.
 * `fallbackField` maps error codes that concern one field even without `details.fields` (e.g. EMAIL_TAKEN).
 */
export function splitServerError<K extends string>(
  err: unknown,
  fields: readonly K[],
  fallbackField: Record<string, K> = {},
): { fieldErrors: FieldErrors<K>; general: unknown } {
  if (!(err instanceof ApiError)) return { fieldErrors: {}, general: err };
  const fieldErrors: FieldErrors<K> = {};
  for (const f of fields) {
    const msg = err.field(f);
    if (msg) fieldErrors[f] = msg;
  }
  const byCode = fallbackField[err.code];
  if (byCode && !fieldErrors[byCode]) fieldErrors[byCode] = err.message;
  const known = Object.keys(fieldErrors).length > 0;
  const otherFields = Object.keys(err.details?.fields ?? {}).filter((f) => !fields.includes(f as K));
  return { fieldErrors, general: known && otherFields.length === 0 ? null : err };
}
