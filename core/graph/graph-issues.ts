/**
 * Issues found in a graph, shown in the editor next to the node or edge (messages in Russian).
 */
import type { GraphNode } from './graph.schema.ts';
import type { NodeTypeInfo } from './node-catalog.ts';

export interface GraphIssue {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  /** Where inside the graph (schema errors) or inside the node's props (props errors). */
  path?: string;
}

export interface GraphValidation {
  errors: GraphIssue[];
  warnings: GraphIssue[];
}

export class IssueCollector implements GraphValidation {
  errors: GraphIssue[] = [];
  warnings: GraphIssue[] = [];
  error(code: string, message: string, where: Omit<GraphIssue, 'code' | 'message' | 'severity'> = {}): void {
    this.errors.push({ code, message, severity: 'error', ...where });
  }
  warning(code: string, message: string, where: Omit<GraphIssue, 'code' | 'message' | 'severity'> = {}): void {
    this.warnings.push({ code, message, severity: 'warning', ...where });
  }
  result(): GraphValidation {
    return { errors: this.errors, warnings: this.warnings };
  }
}

/** `«Создать сделку»`: the user's label, else the palette title, else the id. */
export function nodeName(node: GraphNode | undefined, info?: NodeTypeInfo, fallbackId = ''): string {
  return `«${node?.label?.trim() || info?.title || node?.id || fallbackId}»`;
}

/**
 * The Russian title of a prop from the node's JSON Schema (`properties.x.title`), so messages say
 * «Воронка» rather than `pipeline_id`.
 */
export function propTitle(schema: Record<string, unknown> | undefined, path: string): string | undefined {
  const top = path.split('.')[0];
  if (!schema || !top) return undefined;
  const props = schema.properties as Record<string, { title?: unknown }> | undefined;
  const title = props && Object.hasOwn(props, top) ? props[top]?.title : undefined;
  return typeof title === 'string' && title !== '' ? title : undefined;
}

type SchemaNode = Record<string, unknown>;

/** `$ref: '#/$defs/x'` (zod's JSON Schema), one level of `anyOf`/`oneOf` picked by the next key. */
function resolveRef(root: SchemaNode, s: SchemaNode | undefined): SchemaNode | undefined {
  let cur = s;
  for (let i = 0; i < 5 && cur && typeof cur.$ref === 'string'; i++) {
    const parts = (cur.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = root;
    for (const p of parts) target = (target as SchemaNode | undefined)?.[p];
    cur = target as SchemaNode | undefined;
  }
  return cur;
}

function childOf(root: SchemaNode, s: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const node = resolveRef(root, s);
  if (!node) return undefined;
  if (/^\d+$/.test(key) && node.items && typeof node.items === 'object') return resolveRef(root, node.items as SchemaNode);
  const props = node.properties as Record<string, SchemaNode> | undefined;
  if (props && Object.hasOwn(props, key)) return resolveRef(root, props[key]);
  for (const variant of [...((node.anyOf as SchemaNode[]) ?? []), ...((node.oneOf as SchemaNode[]) ?? [])]) {
    const found = childOf(root, variant, key);
    if (found) return found;
  }
  return undefined;
}

/**
 * A field as people name it, never its path: «Адрес»; inside lists «Условия», проверка 2, «Поле».
 * Only a prop without any title falls back to its key.
 */
export function fieldName(schema: Record<string, unknown> | undefined, path: string): string {
  const [top, ...rest] = path.split('.');
  const title = propTitle(schema, path);
  if (!title || !schema) return `«${top ?? path}»`;
  const parts = [`«${title}»`];
  let cur = childOf(schema, schema, top!);
  for (const [i, key] of rest.entries()) {
    let next = childOf(schema, cur, key);
    if (!next) break;
    // A list of rules or groups: the variant that has the next key («left» → a rule).
    const variants = [...((next.oneOf as SchemaNode[]) ?? []), ...((next.anyOf as SchemaNode[]) ?? [])].map((v) => resolveRef(schema, v));
    const ahead = rest[i + 1];
    if (variants.length) next = (ahead !== undefined && variants.find((v) => childOf(schema, v, ahead))) || variants[0] || next;
    const t = typeof next.title === 'string' && next.title ? next.title : undefined;
    if (/^\d+$/.test(key)) {
      // List items are numbered from 1; a list of unnamed items is named by its own title.
      parts.push(`${(t ?? 'элемент').toLowerCase()} ${Number(key) + 1}`);
    } else if (t && t !== title) {
      parts.push(`«${t}»`);
    }
    cur = next;
  }
  // «Условия» → «Проверки» → проверка 1: the list's own title adds nothing next to its items'.
  return parts.filter((p, i) => !(i > 0 && i < parts.length - 1 && /^«/.test(p) && / \d+$/.test(parts[i + 1] ?? ''))).join(', ');
}
