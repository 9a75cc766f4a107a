import { ApiError } from '../../api/client.ts';
import type { FieldIssue } from '../../forms/form-env.context.ts';

export interface ConnectionFormErrors {
  name?: string;
  /** Issues under the credentials form's fields (`subdomain`, not `credentials.subdomain`). */
  fields: FieldIssue[];
  /** What belongs to no field. */
  general: string | null;
}

/**
 * Splits the server's `details.fields` between the name, the credential fields on screen
 * (`visible`: top-level names) and the rest (a hidden discriminator, a field of another variant).
 */
export function connectionFormErrors(err: unknown, visible: ReadonlySet<string>): ConnectionFormErrors {
  if (!(err instanceof ApiError)) return { fields: [], general: err instanceof Error && err.message ? err.message : 'Что-то пошло не так. Повторите попытку.' };
  const out: ConnectionFormErrors = { fields: [], general: null };
  const rest: string[] = [];
  for (const [key, message] of Object.entries(err.details?.fields ?? {})) {
    if (key === 'name') out.name = message;
    else if (key.startsWith('credentials.') && visible.has(key.slice('credentials.'.length).split('.')[0]!)) {
      out.fields.push({ path: key.slice('credentials.'.length), message, severity: 'error' });
    } else rest.push(message);
  }
  if (rest.length) out.general = [...new Set(rest)].join('; ');
  else if (!out.name && out.fields.length === 0) out.general = err.message;
  return out;
}
