import type pg from 'pg';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import { NotFoundError, UserError } from '../sdk/errors.ts';
import type { Dispatcher } from './dispatcher.ts';
import { CANCEL_RUN_SQL, retryRunSql } from './run-control.sql.ts';
import { PARSED } from './event-parsed.sql.ts';
import type { Config } from '../../config/config.schema.ts';

/** What users do to runs from «Логи»: cancel, retry from the failed step, replay an event. */
export function createRunControl(deps: { pool: pg.Pool; opLog: OpLog; dispatcher: Dispatcher; config: Config }) {
  const { pool, opLog } = deps;
  const RETRY_RUN_SQL = retryRunSql(deps.config.TENANT_JOB_SLOTS);

  async function assertRun(tenantId: string, runId: string, conflictMessage: string): Promise<never> {
    const { rows } = await pool.query('select 1 from run where id = $1 and tenant_id = $2', [runId, tenantId]);
    if (!rows[0]) throw new NotFoundError('Запуск не найден');
    throw new UserError('RUN_STATE_CONFLICT', conflictMessage, { status: 409 });
  }

  async function cancel(tenantId: string, runId: string): Promise<void> {
    const { rows } = await pool.query<{ workflowId: string }>(CANCEL_RUN_SQL, [runId, tenantId]);
    if (!rows[0]) return assertRun(tenantId, runId, 'Отменить можно только запуск в очереди или в работе');
    await opLog.write({ tenantId, level: 'info', source: 'run', message: 'Запуск отменён пользователем', workflowId: rows[0].workflowId, runId });
  }

  async function retry(tenantId: string, runId: string): Promise<void> {
    const { rows } = await pool.query<{ workflowId: string }>(RETRY_RUN_SQL, [runId, tenantId]);
    if (!rows[0]) return assertRun(tenantId, runId, 'Повторить можно только запуск с ошибкой');
    await opLog.write({ tenantId, level: 'info', source: 'run', message: 'Запуск отправлен на повтор с шага с ошибкой', workflowId: rows[0].workflowId, runId });
  }

  /** New runs of the event on the rule's current version; runs and jobs are stored together. */
  async function replay(tenantId: string, eventId: string): Promise<string[]> {
    const { rows } = await pool.query<{ parsed: boolean }>(`select ${PARSED} as parsed from inbound_event e where e.id = $1 and e.tenant_id = $2`, [eventId, tenantId]);
    if (!rows[0]) throw new NotFoundError('Событие не найдено');
    // A body that could not be read would only start a run bound to fail.
    if (!rows[0].parsed) throw new UserError('EVENT_NOT_PARSED', 'Событие не разобрано: повторять нечего', { status: 422 });
    const runIds = await deps.dispatcher.replay(eventId, tenantId);
    if (runIds.length === 0) throw new UserError('TRIGGER_NOT_MATCHED', 'Событие не подходит под условия триггера текущей версии');
    return runIds;
  }

  return { cancel, retry, replay };
}

export type RunControl = ReturnType<typeof createRunControl>;
