import { parseFieldValues, type FieldUpdate } from './custom-field-values.ts';
import { parseRefs } from './lead-input.ts';
import { userExists } from './sim-state.ts';
import type { AmoState } from './sim-types.ts';
import { isInt, isObj, issue, join, optInt, optString, parseTags, type ValidationIssue } from './validation.ts';

/** A validated contact or company write. */
export interface ContactPatch {
  name?: string;
  first_name?: string;
  last_name?: string;
  responsible_user_id?: number;
  created_by?: number;
  updated_by?: number;
  created_at?: number;
  fields?: FieldUpdate[];
  tags?: string[];
  companies?: number[];
  leads?: number[];
}

export function parseContactItem(
  state: AmoState,
  raw: unknown,
  path: string,
  entity: 'contacts' | 'companies',
  opts: { complex?: boolean } = {},
): { patch: ContactPatch; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const patch: ContactPatch = {};
  if (!isObj(raw)) return { patch, issues: [issue.type(path, 'object')] };
  patch.name = optString(raw, 'name', path, issues);
  if (entity === 'contacts') {
    patch.first_name = optString(raw, 'first_name', path, issues);
    patch.last_name = optString(raw, 'last_name', path, issues);
  }
  for (const key of ['responsible_user_id', 'created_by', 'updated_by'] as const) {
    const id = optInt(raw, key, path, issues);
    if (id === undefined) continue;
    if (!userExists(state, id) && !(id === 0 && key !== 'responsible_user_id')) issues.push(issue.choice(join(path, key)));
    else patch[key] = id;
  }
  if (raw.created_at !== undefined) {
    if (isInt(raw.created_at)) patch.created_at = raw.created_at;
    else issues.push(issue.type(join(path, 'created_at'), 'int'));
  }
  patch.fields = parseFieldValues(state.customFields[entity], raw.custom_fields_values, join(path, 'custom_fields_values'), issues);
  if (raw._embedded !== undefined) {
    const emb = raw._embedded;
    if (!isObj(emb)) issues.push(issue.type(join(path, '_embedded'), 'object'));
    else {
      patch.tags = parseTags(emb.tags, join(path, '_embedded.tags'), state.tags, issues);
      if (entity === 'contacts' && !opts.complex) {
        patch.companies = parseRefs(state, emb.companies, 'companies', join(path, '_embedded.companies'), issues)?.map((c) => c.id);
      }
    }
  }
  return { patch, issues };
}
