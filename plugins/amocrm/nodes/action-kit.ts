/** What every AmoCRM action needs: its connection, the metadata, dry-run previews, retry records. */
import { UserError, type ActionContext } from '../../../core/sdk/index.ts';
import type { AmoRemote } from '../client/amo-remote.ts';
import { currentCredentials } from '../client/refresh-once.ts';
import { apiBase } from '../connection/credentials.schema.ts';
import type { AmoMetadata, AmoPipelineMeta } from '../metadata/amo-metadata.types.ts';
import { optionalId } from './props.ts';

export function remoteOf(ctx: ActionContext<any, any>): AmoRemote {
  if (!ctx.remote) throw new UserError('AMOCRM_NO_CONNECTION', 'Выберите подключение AmoCRM в настройках узла.');
  return ctx.remote as AmoRemote;
}

export async function metadataOf(remote: AmoRemote): Promise<AmoMetadata> {
  return remote.metadata<AmoMetadata>();
}

/** A dry run's answer: the request the node would send. */
export function preview(remote: AmoRemote, method: string, path: string, body?: unknown, extra: Record<string, unknown> = {}) {
  return { dryRun: true, ...extra, request: { method, url: apiBase(currentCredentials(remote)) + path, ...(body === undefined ? {} : { body }) } };
}

/**
 * A retry record in the workflow's store: `pending` (with when the write started) is kept before
 * the write and `done` (with the result) after it, so a retried step knows whether a write may have
 * happened and since when to look for it.
 */
export type RetryRecord<R> = { state: 'pending'; at: number } | { state: 'done'; result: R };

export function retryKey(ctx: ActionContext<any, any>, what: string): string {
  return `amocrm:${what}:${ctx.idempotencyKey}`;
}

export async function readRecord<R>(ctx: ActionContext<any, any>, what: string): Promise<RetryRecord<R> | undefined> {
  return ctx.store.get<RetryRecord<R>>(retryKey(ctx, what));
}

export async function markPending(ctx: ActionContext<any, any>, what: string, previous?: RetryRecord<unknown>): Promise<number> {
  // A second attempt keeps the first one's start: the write it may have done is older.
  const at = previous?.state === 'pending' ? previous.at : Math.floor(Date.now() / 1000);
  await ctx.store.put(retryKey(ctx, what), { state: 'pending', at });
  return at;
}

export async function markDone<R>(ctx: ActionContext<any, any>, what: string, result: R): Promise<R> {
  await ctx.store.put(retryKey(ctx, what), { state: 'done', result });
  return result;
}

export function pipelineById(m: AmoMetadata, id: number): AmoPipelineMeta {
  const p = m.pipelines.find((x) => x.id === id);
  if (!p) throw new UserError('AMOCRM_PIPELINE_UNKNOWN', `Воронка ${id} не найдена в AmoCRM: выберите воронку заново или обновите метаданные в «Настройках».`);
  return p;
}

/** The pipeline and status to write, checked against the metadata (142 and 143 exist in every pipeline). */
export function resolveStage(m: AmoMetadata, pipelineValue: unknown, statusValue: unknown): { pipelineId?: number; statusId?: number; statusName?: string } {
  const pipelineId = optionalId(pipelineValue, 'Воронка');
  const statusId = optionalId(statusValue, 'Статус');
  if (pipelineId === undefined) {
    if (statusId === undefined) return {};
    const owner = m.pipelines.find((p) => p.statuses.some((s) => s.id === statusId));
    if (!owner) throw new UserError('AMOCRM_STATUS_UNKNOWN', `Статус ${statusId} не найден ни в одной воронке AmoCRM: выберите статус заново или обновите метаданные.`);
    return { statusId, statusName: owner.statuses.find((s) => s.id === statusId)!.name, ...(statusId === 142 || statusId === 143 ? {} : { pipelineId: owner.id }) };
  }
  const p = pipelineById(m, pipelineId);
  if (statusId === undefined) return { pipelineId };
  const st = p.statuses.find((s) => s.id === statusId);
  if (!st) throw new UserError('AMOCRM_STATUS_UNKNOWN', `В воронке «${p.name}» нет статуса ${statusId}: выберите статус заново или обновите метаданные.`);
  return { pipelineId, statusId, statusName: st.name };
}

export const nonEmpty = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};
