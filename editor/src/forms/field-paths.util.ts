/** Paths offered by the template picker: `{{trigger.body.phone}}`, `{{n3.id}}`. */
export interface FieldPath {
  path: string;
  preview: string;
}

export interface FieldPathGroup {
  /** `trigger` or a node id. */
  ref: string;
  title: string;
  /** Where the example comes from: the last test run or the node type's sample. */
  source: 'test' | 'sample';
  paths: FieldPath[];
}

const MAX_PATHS = 200;
const MAX_DEPTH = 6;

export function previewOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `список (${value.length})`;
  if (typeof value === 'object') return 'объект';
  const s = String(value);
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

/** Every path of a JSON value (objects by key, arrays through their first item), depth first. */
export function collectPaths(value: unknown, prefix: string): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (out.length >= MAX_PATHS) return;
    if (path !== prefix) out.push({ path, preview: previewOf(v) });
    if (depth >= MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      if (v.length > 0) walk(v[0], `${path}.0`, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
      const plain = /^[^\s.[\]|"'{}:]+$/.test(key);
      walk(child, plain ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, depth + 1);
    }
  };
  walk(value, prefix, 0);
  return out;
}

export const templateOf = (path: string) => `{{${path}}}`;
