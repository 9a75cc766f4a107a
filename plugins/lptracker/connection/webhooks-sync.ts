/**
 * The lead webhook follows the tenant's active rules. LPTracker registers webhooks per project
 * (`PUT /project/{id}/callback-url`), so the connection's `hookUrl` is registered on every project
 * an active trigger listens to (all projects for a trigger without one) and removed from projects
 * no rule needs any more. The PUT takes no subscription id; the hook carries a name unique to the
 * connection, and removal sends an empty `url` with that name, so hooks other integrations (or
 * another tenant bound to the same account) registered stay in place.
 * What was registered is kept in the connection state under `callbacks`.
 */
import type { ActiveTrigger } from '../../../core/sdk/index.ts';
import { lptList, lptRequest } from '../client/lpt-client.ts';
import type { LptRemote } from '../client/lpt-remote.ts';

export const CALLBACKS_STATE_KEY = 'callbacks';

export interface CallbackRegistration {
  url: string;
  name: string;
  projects: number[];
}

/** The label of this connection's hooks in LPTracker's project settings. */
export function hookName(connectionId: string): string {
  return `Конструктор интеграций ${connectionId.slice(0, 8)}`;
}

/** Projects the triggers listen to; 'all' when one of them listens to any project. */
export function projectsOf(triggers: ActiveTrigger[]): number[] | 'all' {
  const ids = new Set<number>();
  for (const t of triggers) {
    if (!t.type.startsWith('lptracker.')) continue;
    const raw = t.props.projectId;
    if (raw === undefined || raw === null || raw === '') return 'all';
    const n = Number(raw);
    // A template in the filter: the project is only known per event.
    if (!Number.isSafeInteger(n) || n <= 0) return 'all';
    ids.add(n);
  }
  return [...ids].sort((a, b) => a - b);
}

async function put(remote: LptRemote, projectId: number, url: string, name: string): Promise<void> {
  await lptRequest(remote, { method: 'PUT', path: `/project/${projectId}/callback-url`, body: { url, name } });
}

export async function syncWebhooks(remote: LptRemote, input: { hookUrl: string; triggers: ActiveTrigger[] }): Promise<void> {
  const name = hookName(remote.id);
  const before = (await remote.state.get<CallbackRegistration>(CALLBACKS_STATE_KEY))?.value;
  const wanted = projectsOf(input.triggers);
  const projects = wanted === 'all' ? (await lptList(remote, '/projects')).map((p) => Number(p.id)).filter((n) => Number.isSafeInteger(n)) : wanted;
  const moved = before !== undefined && before.url !== input.hookUrl;
  // Removal first: a project that keeps its hook but under a new address must not keep the old one.
  for (const projectId of before?.projects ?? []) {
    if (moved || !projects.includes(projectId)) await put(remote, projectId, '', before!.name || name);
  }
  for (const projectId of projects) await put(remote, projectId, input.hookUrl, name);
  if (projects.length === 0) await remote.state.delete(CALLBACKS_STATE_KEY);
  else await remote.state.put(CALLBACKS_STATE_KEY, { url: input.hookUrl, name, projects } satisfies CallbackRegistration);
}
