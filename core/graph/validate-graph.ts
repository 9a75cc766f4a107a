/**
 * Validation of a workflow graph before it is saved or published: the structure, node types and
 * props, ports, exactly one trigger, no cycles. Errors block publishing; warnings do not.
 */
import { z } from 'zod';
import { graphSchema, type Graph, type GraphNode } from './graph.schema.ts';
import { fieldName, IssueCollector, nodeName, type GraphValidation } from './graph-issues.ts';
import { outputsOf, type NodeCatalog, type NodeTypeInfo } from './node-catalog.ts';
import { checkTemplate, parseTemplate } from './templates.ts';
import { ancestorsOf, buildIndex, reachableFrom, type GraphIndex } from './traversal.ts';

export type { GraphIssue, GraphValidation } from './graph-issues.ts';

let ruErrors: z.core.$ZodErrorMap | undefined;

function schemaIssues(input: unknown, issues: z.core.$ZodIssue[], out: IssueCollector): void {
  const raw = input as { nodes?: unknown; edges?: unknown } | null;
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const [list, index] = issue.path;
    const items = list === 'nodes' ? raw?.nodes : list === 'edges' ? raw?.edges : undefined;
    const item = Array.isArray(items) && typeof index === 'number' ? (items[index] as { id?: unknown }) : undefined;
    const id = item && typeof item.id === 'string' ? item.id : undefined;
    const at = path ? { path } : {};
    const where = id === undefined ? at : list === 'nodes' ? { ...at, nodeId: id } : { ...at, edgeId: id };
    out.error('GRAPH_SCHEMA_INVALID', `Ошибка в структуре схемы${path ? ` (${path})` : ''}: ${issue.message}`, where);
  }
}

/** Every string inside props, with its dot path, to check the templates in it. */
function* propStrings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* propStrings(value[i], path ? `${path}.${i}` : String(i));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* propStrings(v, path ? `${path}.${k}` : k);
  }
}

function checkNode(node: GraphNode, info: NodeTypeInfo | undefined, graph: Graph, index: GraphIndex, catalog: NodeCatalog, out: IssueCollector): void {
  const where = { nodeId: node.id };
  if (!info) {
    const versions = catalog.versions(node.type);
    if (versions.length === 0) {
      out.error('NODE_UNKNOWN_TYPE', `Узел ${nodeName(node)}: неизвестный тип «${node.type}» (плагин не установлен или удалён)`, where);
    } else {
      out.error('NODE_UNKNOWN_VERSION', `Узел ${nodeName(node)}: версия ${node.version} типа «${node.type}» не поддерживается (доступны: ${versions.join(', ')})`, where);
    }
    return;
  }
  const name = nodeName(node, info);
  for (const issue of catalog.validateProps?.(node.type, node.version, node.props) ?? []) {
    const message = issue.path
      ? `Узел ${name}: поле ${fieldName(info.propsSchema, issue.path)} — ${issue.message}`
      : `Узел ${name}: ${issue.message}`;
    out.error('NODE_PROPS_INVALID', message, { ...where, path: issue.path });
  }
  let ancestors: Set<string> | undefined;
  for (const [path, text] of propStrings(node.props, '')) {
    if (!text.includes('{{')) continue;
    const err = checkTemplate(text);
    if (err) {
      out.error('NODE_TEMPLATE_INVALID', `Узел ${name}, поле ${fieldName(info.propsSchema, path)}: ${err.message}`, { ...where, path });
      continue;
    }
    for (const part of parseTemplate(text)) {
      const root = part.kind === 'expr' ? String(part.path[0]) : undefined;
      if (root === undefined || !index.nodes.has(root)) continue;
      ancestors ??= ancestorsOf(index, node.id);
      if (ancestors.has(root)) continue;
      const source = graph.nodes.find((n) => n.id === root);
      out.warning(
        'TEMPLATE_NOT_UPSTREAM',
        `Узел ${name}, поле ${fieldName(info.propsSchema, path)}: данные узла ${nodeName(source, catalog.get(source?.type ?? '', source?.version ?? 0))} недоступны — он не выполняется раньше этого узла`,
        { ...where, path },
      );
    }
  }
}

/**
 * Reports every node on a cycle once (iterative DFS: graphs of 500 nodes must not blow the stack).
 * Self loops and edges into `ignored` nodes (triggers) already have their own error.
 */
function findCycles(index: GraphIndex, ignored: Set<string>, name: (id: string) => string, out: IssueCollector): void {
  const state = new Map<string, 'active' | 'done'>();
  const reported = new Set<string>();
  const targetsOf = (id: string) =>
    [...new Set([...(index.outgoing.get(id)?.values() ?? [])].flat().map((e) => e.target))].filter((t) => t !== id && !ignored.has(t));
  for (const root of index.nodes.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const pending: string[][] = [targetsOf(root)];
    state.set(root, 'active');
    while (path.length > 0) {
      const next = pending[pending.length - 1]!.shift();
      if (next === undefined) {
        state.set(path.pop()!, 'done');
        pending.pop();
      } else if (state.get(next) === 'active') {
        const cycle = path.slice(path.indexOf(next));
        const text = [...cycle, next].map(name).join(' → ');
        for (const id of cycle) {
          if (reported.has(id)) continue;
          reported.add(id);
          out.error('GRAPH_CYCLE', `Узел ${name(id)} входит в цикл: ${text}. Циклы запрещены.`, { nodeId: id });
        }
      } else if (!state.has(next)) {
        state.set(next, 'active');
        path.push(next);
        pending.push(targetsOf(next));
      }
    }
  }
}

export function validateGraph(input: unknown, catalog: NodeCatalog): GraphValidation {
  const out = new IssueCollector();
  ruErrors ??= z.locales.ru().localeError;
  const parsed = graphSchema.safeParse(input, { error: ruErrors });
  if (!parsed.success) {
    schemaIssues(input, parsed.error.issues, out);
    return out.result();
  }
  const graph = parsed.data;
  const index = buildIndex(graph);
  const infos = new Map<string, NodeTypeInfo | undefined>();
  for (const [id, node] of index.nodes) infos.set(id, catalog.get(node.type, node.version));
  const name = (id: string) => nodeName(index.nodes.get(id), infos.get(id), id);

  const seenEdges = new Set<string>();
  graph.nodes.forEach((node, i) => {
    if (index.nodes.get(node.id) !== node) {
      out.error('NODE_DUPLICATE_ID', `Несколько узлов с одинаковым id «${node.id}»`, { nodeId: node.id, path: `nodes.${i}.id` });
    }
  });
  graph.edges.forEach((edge, i) => {
    if (seenEdges.has(edge.id)) out.error('EDGE_DUPLICATE_ID', `Несколько связей с одинаковым id «${edge.id}»`, { edgeId: edge.id, path: `edges.${i}.id` });
    seenEdges.add(edge.id);
  });

  for (const [id, node] of index.nodes) checkNode(node, infos.get(id), graph, index, catalog, out);

  const triggers = [...index.nodes.keys()].filter((id) => infos.get(id)?.kind === 'trigger');
  if (triggers.length === 0) out.error('GRAPH_NO_TRIGGER', 'В схеме нет триггера: добавьте узел, который запускает сценарий');
  for (const id of triggers.slice(1)) {
    out.error('GRAPH_MULTIPLE_TRIGGERS', `Лишний триггер ${name(id)}: в схеме может быть только один триггер`, { nodeId: id });
  }

  const connections = new Set<string>();
  for (const edge of graph.edges) {
    const where = { edgeId: edge.id };
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    if (!source || !target) {
      const missing = [!source && `начальный узел «${edge.source}»`, !target && `конечный узел «${edge.target}»`].filter(Boolean).join(' и ');
      out.error('EDGE_DANGLING', `Связь ведёт в никуда: не найден ${missing}`, where);
      continue;
    }
    const sourceInfo = infos.get(source.id);
    const targetInfo = infos.get(target.id);
    if (sourceInfo && !outputsOf(sourceInfo, source.props).some((p) => p.id === edge.sourceHandle)) {
      out.error('EDGE_BAD_SOURCE_PORT', `У узла ${name(source.id)} нет выхода «${edge.sourceHandle}»: пересоедините связь`, where);
    }
    if (targetInfo?.kind === 'trigger') {
      out.error('EDGE_BAD_TARGET_PORT', `Связь не может входить в триггер ${name(target.id)}: с него сценарий только начинается`, where);
    } else if (targetInfo && !targetInfo.inputs.some((p) => p.id === edge.targetHandle)) {
      out.error('EDGE_BAD_TARGET_PORT', `У узла ${name(target.id)} нет входа «${edge.targetHandle}»`, where);
    }
    if (edge.source === edge.target) {
      out.error('GRAPH_CYCLE', `Узел ${name(source.id)} соединён сам с собой. Циклы запрещены.`, { ...where, nodeId: source.id });
    }
    const key = JSON.stringify([edge.source, edge.sourceHandle, edge.target, edge.targetHandle]);
    if (connections.has(key)) out.error('EDGE_DUPLICATE', `Связь ${name(source.id)} → ${name(target.id)} повторяется`, where);
    connections.add(key);
  }

  findCycles(index, new Set(triggers), name, out);

  const trigger = triggers[0];
  if (trigger !== undefined) {
    if (!index.outgoing.has(trigger)) {
      out.warning('TRIGGER_NO_NEXT', `После триггера ${name(trigger)} ничего не происходит: соедините его со следующим шагом`, { nodeId: trigger });
    }
    const reachable = reachableFrom(index, trigger);
    for (const id of index.nodes.keys()) {
      if (reachable.has(id) || triggers.includes(id)) continue;
      out.warning('NODE_UNREACHABLE', `Узел ${name(id)} не связан с триггером и никогда не выполнится`, { nodeId: id });
    }
  }
  return out.result();
}

export function isGraphValid(input: unknown, catalog: NodeCatalog): boolean {
  return validateGraph(input, catalog).errors.length === 0;
}
