import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Graph } from '../../graph/graph.schema.ts';

export const Workflow = defineEntity({
  name: 'Workflow',
  tableName: 'workflow',
  properties: (p) => ({
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tenantId: p.uuid(),
    name: p.string(),
    description: p.text().default(''),
    graph: p.json<Graph>(),
    status: p.string().$type<'draft' | 'active' | 'inactive'>().default('draft'),
    activeVersionId: p.uuid().nullable(),
    latestVersion: p.integer().nullable(),
    draftChangedAt: p.datetime().onCreate(() => new Date()),
    publishedAt: p.datetime().nullable(),
    triggerType: p.string().nullable(),
    maxAttempts: p.integer().default(8),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type IWorkflow = InferEntity<typeof Workflow>;

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
