import { hal, noContent } from '../problem.ts';
import type { Router } from '../router.ts';
import { href, type SimCore } from '../sim-core.ts';
import { findPipeline, findStatus } from '../sim-state.ts';
import { pipelineView, statusView } from '../views.ts';

// Pipelines are not paginated; statuses come embedded (reference §3.1).
export function registerPipelineRoutes(router: Router, core: SimCore): void {
  const s = core.state;
  router.add('GET', '/api/v4/leads/pipelines', () => {
    const list = [...s.pipelines].sort((a, b) => a.sort - b.sort);
    return hal({
      _total_items: list.length,
      _links: { self: href(core, '/api/v4/leads/pipelines') },
      _embedded: { pipelines: list.map((p) => pipelineView(core, p)) },
    });
  });
  router.add('GET', '/api/v4/leads/pipelines/:id', (r) => {
    const p = findPipeline(s, r.params.id!);
    return p ? hal(pipelineView(core, p)) : noContent();
  });
  router.add('GET', '/api/v4/leads/pipelines/:id/statuses', (r) => {
    const p = findPipeline(s, r.params.id!);
    if (!p) return noContent();
    const statuses = [...p.statuses].sort((a, b) => a.sort - b.sort);
    return hal({
      _total_items: statuses.length,
      _links: { self: href(core, `/api/v4/leads/pipelines/${p.id}/statuses`) },
      _embedded: { statuses: statuses.map((st) => statusView(core, st)) },
    });
  });
  router.add('GET', '/api/v4/leads/pipelines/:id/statuses/:statusId', (r) => {
    const p = findPipeline(s, r.params.id!);
    const st = p && findStatus(p, r.params.statusId!);
    return st ? hal(statusView(core, st)) : noContent();
  });
}
