// Validation issues in the exact shape of amoCRM's `validation-errors` (reference §8).

export interface ValidationIssue {
  code: string;
  path: string;
  detail: string;
}

export interface ItemErrors {
  request_id: string;
  errors: ValidationIssue[];
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** amoCRM accepts numeric strings for ids in form-ish clients; JSON clients send numbers. */
export function toInt(v: unknown): number | undefined {
  if (isInt(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function join(base: string, key: string | number): string {
  return base === '' ? String(key) : `${base}.${key}`;
}

export const issue = {
  choice: (path: string): ValidationIssue => ({ code: 'NotSupportedChoice', path, detail: 'The value you selected is not a valid choice.' }),
  type: (path: string, type: 'array' | 'string' | 'int' | 'bool' | 'object' | 'numeric'): ValidationIssue => ({
    code: 'InvalidType',
    path,
    detail: `This value should be of type ${type}.`,
  }),
  blank: (path: string): ValidationIssue => ({ code: 'NotBlank', path, detail: 'This value should not be blank.' }),
  notFound: (path: string): ValidationIssue => ({ code: 'NotFound', path, detail: 'Entity not found.' }),
  tooMany: (path: string, max: number): ValidationIssue => ({ code: 'TooMany', path, detail: `This collection should contain ${max} elements or less.` }),
};

/** Reads the caller's request_id, else the array index as a string, like amoCRM does. */
export function requestIdOf(raw: unknown, index: number): string {
  if (isObj(raw) && (typeof raw.request_id === 'string' || typeof raw.request_id === 'number')) return String(raw.request_id);
  return String(index);
}

export function optString(o: Obj, key: string, path: string, issues: ValidationIssue[]): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    issues.push(issue.type(join(path, key), 'string'));
    return undefined;
  }
  return v;
}

export function optInt(o: Obj, key: string, path: string, issues: ValidationIssue[]): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!isInt(v)) {
    issues.push(issue.type(join(path, key), 'int'));
    return undefined;
  }
  return v;
}

export function optIntOrNull(o: Obj, key: string, path: string, issues: ValidationIssue[]): number | null | undefined {
  if (o[key] === null) return null;
  return optInt(o, key, path, issues);
}

export function optBool(o: Obj, key: string, path: string, issues: ValidationIssue[]): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') {
    issues.push(issue.type(join(path, key), 'bool'));
    return undefined;
  }
  return v;
}

/** Tag names from `_embedded.tags: [{name}|{id}]`; unknown ids are a choice error. */
export function parseTags(raw: unknown, path: string, known: { id: number; name: string }[], issues: ValidationIssue[]): string[] | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push(issue.type(path, 'array'));
    return undefined;
  }
  const names: string[] = [];
  raw.forEach((t, i) => {
    if (isObj(t) && typeof t.name === 'string' && t.name.trim() !== '') names.push(t.name.trim());
    else if (isObj(t) && isInt(t.id)) {
      const found = known.find((k) => k.id === t.id);
      if (found) names.push(found.name);
      else issues.push(issue.choice(join(join(path, i), 'id')));
    } else issues.push(issue.blank(join(join(path, i), 'name')));
  });
  return names;
}
