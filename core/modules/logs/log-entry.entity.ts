import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** A line of the operation log users read in «Логи». */
export const LogEntry = defineEntity({
  name: 'LogEntry',
  tableName: 'log_entry',
  properties: (p) => ({
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid().nullable(),
    level: p.text().$type<'debug' | 'info' | 'warn' | 'error'>(),
    source: p.text(),
    message: p.text(),
    context: p.json<Record<string, unknown>>().default('{}'),
    workflowId: p.uuid().nullable(),
    runId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type ILogEntry = InferEntity<typeof LogEntry>;
