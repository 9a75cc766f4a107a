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

export function fieldName(schema: Record<string, unknown> | undefined, path: string): string {
  const title = propTitle(schema, path);
  if (!title) return `«${path}»`;
  return path.includes('.') ? `«${title}» (${path})` : `«${title}»`;
}
