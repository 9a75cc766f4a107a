import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const LogEntry = defineEntity({
  name: 'LogEntry',
  tableName: 'log_entry',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid().nullable(),
    level: p.string().$type<'debug' | 'info' | 'warn' | 'error'>(),
    source: p.string(),
    message: p.text(),
    context: p.json<Record<string, unknown>>(),
    workflowId: p.uuid().nullable(),
    runId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type ILogEntry = InferEntity<typeof LogEntry>;
