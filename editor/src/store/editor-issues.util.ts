import type { GraphIssue } from '../api/workflows.api.ts';

export interface IssueSources {
  server: GraphIssue[];
  publish: GraphIssue[];
  client: GraphIssue[];
}

const keyOf = (i: GraphIssue) => [i.severity, i.code, i.nodeId ?? '', i.edgeId ?? '', i.path ?? '', i.message].join('|');

/**
 * Codes the editor's own run of `validateGraph` recomputes on every change. Once it has run, the
 * server's copies of these are stale (the «нет триггера» after a trigger was added) and are dropped;
 * props errors and connection checks stay the server's (until that field changes).
 */
export const CLIENT_CHECKED_CODES = new Set([
  'GRAPH_SCHEMA_INVALID', 'NODE_UNKNOWN_TYPE', 'NODE_TEMPLATE_INVALID', 'TEMPLATE_NOT_UPSTREAM', 'NODE_DUPLICATE_ID', 'EDGE_DUPLICATE_ID',
  'GRAPH_NO_TRIGGER', 'GRAPH_MULTIPLE_TRIGGERS', 'EDGE_DANGLING', 'EDGE_BAD_SOURCE_PORT', 'EDGE_BAD_TARGET_PORT', 'GRAPH_CYCLE', 'EDGE_DUPLICATE',
  'TRIGGER_NO_NEXT', 'NODE_UNREACHABLE',
]);

/** One list, errors first, without the duplicates the server and the client both report. */
export function mergeIssues({ server, publish, client }: IssueSources, opts: { clientChecked?: boolean; nodeIds?: Set<string> } = {}): GraphIssue[] {
  const seen = new Set<string>();
  const out: GraphIssue[] = [];
  const fresh = (i: GraphIssue) => !(opts.clientChecked && CLIENT_CHECKED_CODES.has(i.code)) && !(opts.nodeIds && i.nodeId && !opts.nodeIds.has(i.nodeId));
  for (const issue of [...publish.filter(fresh), ...server.filter(fresh), ...client]) {
    const key = keyOf(issue);
    const loose = [issue.severity, issue.code, issue.nodeId ?? '', issue.edgeId ?? '', issue.path ?? ''].join('|');
    if (seen.has(key) || seen.has(loose)) continue;
    seen.add(key);
    seen.add(loose);
    out.push(issue);
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function issuesByNode(issues: GraphIssue[]): Record<string, GraphIssue[]> {
  const out: Record<string, GraphIssue[]> = {};
  for (const i of issues) if (i.nodeId) (out[i.nodeId] ??= []).push(i);
  return out;
}

/** The dot path inside props of an issue (`props.url` and `url` both mean `url`). */
export function propPathOf(issue: GraphIssue): string | null {
  if (issue.path === undefined) return null;
  return issue.path.replace(/^props(\.|$)/, '');
}
