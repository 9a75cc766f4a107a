import { workflowsApi } from '../../api/workflows.api.ts';
import { runsApi } from '../../api/runs.api.ts';

export interface HomeStats {
  workflows: number | null;
  runs: number | null;
  failedRuns: number | null;
  /** At least one count could not be loaded. */
  partial: boolean;
}

const total = (r: PromiseSettledResult<{ total: number }>) => (r.status === 'fulfilled' ? r.value.total : null);

/** Totals for the overview; each request may fail on its own without breaking the page. */
export async function loadHomeStats(signal: AbortSignal): Promise<HomeStats> {
  const [w, r, f] = await Promise.allSettled([
    workflowsApi.list({ limit: 1 }, signal),
    runsApi.list({ limit: 1 }, signal),
    runsApi.list({ limit: 1, status: 'failed' }, signal),
  ]);
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  const stats = { workflows: total(w), runs: total(r), failedRuns: total(f) };
  return { ...stats, partial: Object.values(stats).some((v) => v === null) };
}
