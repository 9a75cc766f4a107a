import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Graph } from '../../graph/graph.schema.ts';

/**
 * A rule: its draft graph, status and pointers to its versions. Ids of related rows are plain
 * columns: the service always scopes by tenant and reads what it needs explicitly.
 */
export const Workflow = defineEntity({
  name: 'Workflow',
  tableName: 'workflow',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenantId: p.uuid(),
    name: p.text(),
    description: p.text().default(''),
    graph: p.json<Graph>(),
    status: p.text().$type<'draft' | 'active' | 'inactive'>().default('draft'),
    activeVersionId: p.uuid().nullable(),
    latestVersion: p.integer().nullable(),
    draftChangedAt: p.datetime().onCreate(() => new Date()),
    publishedAt: p.datetime().nullable(),
    triggerType: p.text().nullable(),
    /** The connection the active version's trigger listens on (its webhook address fans out here). */
    triggerConnectionId: p.uuid().nullable(),
    maxAttempts: p.integer().default(8),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IWorkflow = InferEntity<typeof Workflow>;

/** A published, immutable graph of a rule. */
export const WorkflowVersion = defineEntity({
  name: 'WorkflowVersion',
  tableName: 'workflow_version',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenantId: p.uuid(),
    workflowId: p.uuid(),
    version: p.integer(),
    graph: p.json<Graph>(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IWorkflowVersion = InferEntity<typeof WorkflowVersion>;

/** A webhook address: a token bound to a rule. Revoked tokens stay, so old events keep their link. */
export const HookEndpoint = defineEntity({
  name: 'HookEndpoint',
  tableName: 'hook_endpoint',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenantId: p.uuid(),
    workflowId: p.uuid().nullable(),
    /** Set for a connection's own address, whose events go to every rule listening on it. */
    connectionId: p.uuid().nullable(),
    token: p.text(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type IHookEndpoint = InferEntity<typeof HookEndpoint>;
