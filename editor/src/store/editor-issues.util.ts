import type { GraphIssue } from '../api/workflows.api.ts';

export interface IssueSources {
  server: GraphIssue[];
  publish: GraphIssue[];
  client: GraphIssue[];
}

const keyOf = (i: GraphIssue) => [i.severity, i.code, i.nodeId ?? '', i.edgeId ?? '', i.path ?? '', i.message].join('|');

/** One list, errors first, without the duplicates the server and the client both report. */
export function mergeIssues({ server, publish, client }: IssueSources): GraphIssue[] {
  const seen = new Set<string>();
  const out: GraphIssue[] = [];
  for (const issue of [...publish, ...server, ...client]) {
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
