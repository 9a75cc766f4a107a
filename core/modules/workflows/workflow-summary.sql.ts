/**
 * The read model of rules for the API, hand-written: one statement returns the rows with their
 * hook token, last run and 24 h stats (lateral joins over the engine's run table), so a list page
 * costs one query instead of one per row. Writes go through the entities (workflow.service.ts).
 */
import type { Graph } from '../../graph/graph.schema.ts';
import type { GraphValidation } from '../../graph/graph-issues.ts';
import { hookUrlFor } from './hook-token.ts';

export type WorkflowStatus = 'draft' | 'active' | 'inactive';

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  status: WorkflowStatus;
  activeVersion: number | null;
  latestVersion: number | null;
  hasUnpublishedChanges: boolean;
  triggerType: string | null;
  hookUrl: string | null;
  maxAttempts: number;
  createdAt: Date;
  updatedAt: Date;
  lastRun: { id: string; status: string; createdAt: Date } | null;
  /** Last 24 h: runs, failed ones, and those waiting for a retry after a transient error (failing, not yet failed). */
  stats24h: { runs: number; failed: number; retrying: number };
}

export interface WorkflowView extends WorkflowSummary {
  graph: Graph;
  validation: GraphValidation;
}

export interface WorkflowRow {
  id: string;
  name: string;
  description: string;
  status: WorkflowStatus;
  active_version: number | null;
  latest_version: number | null;
  has_unpublished: boolean;
  trigger_type: string | null;
  max_attempts: number;
  created_at: Date;
  updated_at: Date;
  token: string | null;
  last_run_id: string | null;
  last_run_status: string | null;
  last_run_created_at: Date | null;
  runs_24h: number;
  failed_24h: number;
  retrying_24h: number;
  graph?: Graph;
}

/**
 * `activeVersion` is shown only while the rule is on: a deactivated rule keeps active_version_id
 * (for the record) but runs nothing. Runs are matched on tenant too, so a join can never leak.
 */
export function selectWorkflows(opts: { withGraph: boolean }): string {
  return `
    select w.id, w.name, w.description, w.status, av.version as active_version, w.latest_version,
           (w.published_at is null or w.draft_changed_at > w.published_at) as has_unpublished,
           w.trigger_type, w.max_attempts, w.created_at, w.updated_at, he.token,
           lr.id as last_run_id, lr.status as last_run_status, lr.created_at as last_run_created_at,
           st.runs as runs_24h, st.failed as failed_24h, st.retrying as retrying_24h${opts.withGraph ? ', w.graph' : ''}
      from workflow w
      left join workflow_version av on av.id = w.active_version_id and w.status = 'active'
      left join lateral (
        select h.token from hook_endpoint h
         where h.workflow_id = w.id and h.tenant_id = w.tenant_id and h.revoked_at is null
         order by h.created_at desc limit 1
      ) he on true
      left join lateral (
        select r.id, r.status, r.created_at from run r
         where r.workflow_id = w.id and r.tenant_id = w.tenant_id
         order by r.created_at desc limit 1
      ) lr on true
      cross join lateral (
        select count(*)::int as runs, (count(*) filter (where r.status = 'failed'))::int as failed,
               (count(*) filter (where r.status = 'queued' and r.next_attempt_at is not null))::int as retrying from run r
         where r.workflow_id = w.id and r.tenant_id = w.tenant_id and r.created_at > now() - interval '24 hours'
      ) st`;
}

/**
 * A hook URL is shown once the rule has a trigger: trigger_type holds the trigger of the latest
 * published version (always valid, so always has one) or of the draft before the first publish.
 */
export function toSummary(row: WorkflowRow, publicUrl: string): WorkflowSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    activeVersion: row.active_version,
    latestVersion: row.latest_version,
    hasUnpublishedChanges: row.has_unpublished,
    triggerType: row.trigger_type,
    hookUrl: row.token && row.trigger_type ? hookUrlFor(publicUrl, row.token) : null,
    maxAttempts: row.max_attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastRun: row.last_run_id ? { id: row.last_run_id, status: row.last_run_status!, createdAt: row.last_run_created_at! } : null,
    stats24h: { runs: row.runs_24h, failed: row.failed_24h, retrying: row.retrying_24h },
  };
}
