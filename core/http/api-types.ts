/**
 * The server's view types the editor needs, in one place: the editor may import from the server only
 * this file and core/graph (enforced by .dependency-cruiser.cjs). Type-only re-exports, so bundling
 * the editor brings no server code (pg, secrets, Node built-ins) into the browser. Dates in these
 * types are `Date` on the server; the editor maps them to their JSON form (`Wire<T>`).
 */
export type { WorkflowStatus, WorkflowSummary } from '../modules/workflows/workflow-summary.sql.ts';
export type { RunStatus, StepError, StepRecord, StepStatus, TestEvent, TestRunResult } from '../engine/engine.types.ts';
export type { ConnectionView } from '../modules/connections/connection-view.ts';
export type { ConnectionForm } from '../plugins/plugin-registry.ts';
export type { OptionItem } from '../sdk/connection.ts';
