import type { z } from 'zod';
import { GRAPH_SCHEMA_VERSION, type Graph } from '../graph/graph.schema.ts';

/**
 * A ready rule a user creates from a short form («Создать из шаблона»): the form asks only for what
 * differs between accounts (connections, pipeline, project, stage), `build` draws the graph.
 */
export interface TemplateDefinition<S extends z.ZodType = z.ZodType> {
  /** snake_case, unique within the plugin: the template id is `<plugin>.<id>`. */
  id: string;
  title: string;
  description: string;
  /**
   * Plugins whose nodes the graph uses besides the template's own; the template is offered only
   * when all are installed.
   */
  requires?: string[];
  /**
   * The form, one zod object. Connection fields name their plugin
   * (`connectionField('AmoCRM', { plugin: 'amocrm' })`) and lists name the field that holds their
   * connection (`remoteSelect(…, 'pipelines', { connection: 'amocrmConnectionId' })`).
   */
  params: S;
  /** The rule's name and graph for valid params. Pure: no remote calls. */
  build(params: z.infer<S>): { name: string; description?: string; graph: Graph };
}

export function defineTemplate<S extends z.ZodType>(def: TemplateDefinition<S>): TemplateDefinition<S> {
  return Object.freeze(def);
}

export interface TemplateNode {
  id: string;
  type: string;
  props: Record<string, unknown>;
  label?: string;
  version?: number;
}

/** `[source, target]` follows `out`; `[source, target, 'true']` follows the named output. */
export type TemplateEdge = [source: string, target: string, sourceHandle?: string];

const STEP_X = 300;
const STEP_Y = 160;

/**
 * A graph from nodes and edges, laid out left to right by depth (a template should open tidy,
 * without the author computing coordinates).
 */
export function templateGraph(nodes: TemplateNode[], edges: TemplateEdge[]): Graph {
  const depth = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  // Longest path from the trigger; templates are small DAGs, so a few relaxation passes suffice.
  for (let pass = 0; pass < nodes.length; pass++) {
    for (const [s, t] of edges) depth.set(t, Math.max(depth.get(t) ?? 0, (depth.get(s) ?? 0) + 1));
  }
  const rows = new Map<number, number>();
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    nodes: nodes.map((n) => {
      const d = depth.get(n.id) ?? 0;
      const row = rows.get(d) ?? 0;
      rows.set(d, row + 1);
      return {
        id: n.id, type: n.type, version: n.version ?? 1, position: { x: d * STEP_X, y: row * STEP_Y }, props: n.props,
        ...(n.label ? { label: n.label } : {}),
      };
    }),
    edges: edges.map(([source, target, handle], i) => ({ id: `e${i + 1}`, source, sourceHandle: handle ?? 'out', target, targetHandle: 'in' })),
  };
}
