import { ApiError } from '../../api/client.ts';
import type { FieldIssue } from '../../forms/form-env.context.ts';

export interface TemplateFormErrors {
  name?: string;
  fields: FieldIssue[];
  general: string | null;
}

/**
 * The server's answer to a template form, split between the rule's name, the form's own fields
 * (their names are the paths) and what belongs to no field on screen.
 */
export function templateFormErrors(err: unknown, fieldNames: ReadonlySet<string>): TemplateFormErrors {
  if (!(err instanceof ApiError)) return { fields: [], general: err instanceof Error && err.message ? err.message : 'Что-то пошло не так. Повторите попытку.' };
  const out: TemplateFormErrors = { fields: [], general: null };
  const rest: string[] = [];
  for (const [key, message] of Object.entries(err.details?.fields ?? {})) {
    if (key === 'name') out.name = message;
    else if (fieldNames.has(key.split('.')[0]!)) out.fields.push({ path: key, message, severity: 'error' });
    else rest.push(message);
  }
  if (rest.length) out.general = [...new Set(rest)].join('; ');
  else if (!out.name && out.fields.length === 0) out.general = err.message;
  return out;
}
