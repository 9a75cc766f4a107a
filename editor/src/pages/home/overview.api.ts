import { runsApi } from '../../api/runs.api.ts';
import { eventsApi, type LogEvent } from '../../api/events.api.ts';
import { workflowsApi, type WorkflowSummary } from '../../api/workflows.api.ts';
import { fetchConnections, type ConnectionView } from '../../api/connections.api.ts';
import type { RunStatus } from '../../api/workflows.api.ts';

/** A count as the lists give it: exact up to 10 000, then «более 10 000». */
export interface Count {
  value: number;
  capped: boolean;
}

export interface TodayRuns {
  /** Local midnight, as the API and the log URLs take it. */
  since: Date;
  succeeded: Count;
  failed: Count;
  /** Queued (including those waiting for a retry) and running. */
  active: Count;
  cancelled: Count;
  events: Count;
}

export interface Overview {
  /** Each part loads on its own: one failing request leaves the rest of the page useful. */
  today: TodayRuns | null;
  rules: { total: number; failing: WorkflowSummary[] } | null;
  connections: { total: number; attention: ConnectionView[] } | null;
  recentEvents: LogEvent[] | null;
}

export const startOfToday = (now = new Date()) => new Date(now.getFullYear(), now.getMonth(), now.getDate());

const count = (r: { total: number; totalCapped?: boolean }): Count => ({ value: r.total, capped: Boolean(r.totalCapped) });
const sum = (a: Count, b: Count): Count => ({ value: a.value + b.value, capped: a.capped || b.capped });
const settled = <T,>(r: PromiseSettledResult<T>): T | null => (r.status === 'fulfilled' ? r.value : null);

async function todayRuns(signal: AbortSignal): Promise<TodayRuns> {
  const since = startOfToday();
  const from = since.toISOString();
  const runs = (status: RunStatus) => runsApi.list({ status, from, limit: 1 }, signal).then(count);
  const [succeeded, failed, queued, running, cancelled, events] = await Promise.all([
    runs('succeeded'),
    runs('failed'),
    runs('queued'),
    runs('running'),
    runs('cancelled'),
    eventsApi.list({ from, limit: 1 }, signal).then(count),
  ]);
  return { since, succeeded, failed, active: sum(queued, running), cancelled, events };
}

/** Rules with errors or retries in the last 24 h, worst first. */
async function rules(signal: AbortSignal) {
  const list = await workflowsApi.list({ limit: 200 }, signal);
  const trouble = (w: WorkflowSummary) => (w.stats24h?.failed ?? 0) + (w.stats24h?.retrying ?? 0);
  const failing = list.items.filter((w) => trouble(w) > 0).sort((a, b) => trouble(b) - trouble(a));
  return { total: list.total, failing };
}

/** Connections that do not work now: a failed check, a consent to give, never checked. */
async function connections(signal: AbortSignal) {
  const items = await fetchConnections(undefined, signal);
  return { total: items.length, attention: items.filter((c) => c.status !== 'ok') };
}

export async function loadOverview(signal: AbortSignal): Promise<Overview> {
  const [today, r, c, e] = await Promise.allSettled([
    todayRuns(signal),
    rules(signal),
    connections(signal),
    eventsApi.list({ limit: 6 }, signal).then((l) => l.items),
  ]);
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  return { today: settled(today), rules: settled(r), connections: settled(c), recentEvents: settled(e) };
}
