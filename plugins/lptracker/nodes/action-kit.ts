/** What every LPTracker action needs: its connection, the metadata, dry-run previews, retry records. */
import { createHash } from 'node:crypto';
import { UserError, type ActionContext } from '../../../core/sdk/index.ts';
import type { LptRemote } from '../client/lpt-remote.ts';
import { currentCredentials } from '../client/relogin-once.ts';
import { apiBase } from '../connection/credentials.schema.ts';
import type { LptMetadata, LptProjectMeta, LptStageMeta } from '../metadata/lpt-metadata.types.ts';
import type { LptLead } from '../webhook/lpt-webhook.types.ts';
import { mapLead } from '../webhook/map-lead.ts';
import { optionalId, toId } from './props.ts';

export function remoteOf(ctx: ActionContext<any, any>): LptRemote {
  if (!ctx.remote) throw new UserError('LPTRACKER_NO_CONNECTION', 'Выберите подключение LPTracker в настройках узла.');
  return ctx.remote as LptRemote;
}

export async function metadataOf(remote: LptRemote): Promise<LptMetadata> {
  return remote.metadata<LptMetadata>();
}

/** A dry run's answer: the request the node would send. */
export function preview(remote: LptRemote, method: string, path: string, body?: unknown, extra: Record<string, unknown> = {}) {
  return { dryRun: true, ...extra, request: { method, url: apiBase(currentCredentials(remote)) + path, ...(body === undefined ? {} : { body }) } };
}

export function projectById(m: LptMetadata, value: unknown, what = 'Проект'): LptProjectMeta {
  const id = toId(value, what);
  const p = m.projects.find((x) => x.id === id);
  if (!p) throw new UserError('LPTRACKER_PROJECT_UNKNOWN', `Проект ${id} не найден в LPTracker: выберите проект заново или обновите справочники в «Настройках».`);
  return p;
}

/**
 * The stage to write: an id from the picker, or a stage's name from a template («Отказ»); it must
 * belong to the project (LPTracker's stages are per project).
 */
export function resolveStage(project: LptProjectMeta, value: unknown): LptStageMeta | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  const byName = typeof value === 'string' && !/^\s*\d+\s*$/.test(value)
    ? project.stages.find((s) => s.name.trim().toLowerCase() === value.trim().toLowerCase())
    : undefined;
  if (byName) return byName;
  const id = optionalId(value, 'Этап');
  const stage = project.stages.find((s) => s.id === id);
  if (!stage) throw new UserError('LPTRACKER_STAGE_UNKNOWN', `В проекте «${project.name}» нет этапа ${String(value).slice(0, 100)}: выберите этап заново или обновите справочники.`);
  return stage;
}

/** The project that owns a stage id (stage ids are unique across an account's projects). */
export function projectOfStage(m: LptMetadata, stageId: number): LptProjectMeta | undefined {
  return m.projects.find((p) => p.stages.some((s) => s.id === stageId));
}

/** A REST lead in the shape triggers give (`fields` by name, contact phone in E.164…). */
export function leadView(raw: unknown): LptLead | null {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? mapLead(raw as Record<string, unknown>) : null;
}

export function requireLead(raw: unknown, what: string): LptLead {
  const lead = leadView(raw);
  if (!lead) throw new UserError('LPTRACKER_UNEXPECTED', `LPTracker не вернул лид (${what}).`);
  return lead;
}

/**
 * A retry record in the workflow's store: `pending` (with when the write started) is kept before
 * the write and `done` (with the result) after it, so a retried step knows whether a write may
 * have happened and since when to look for it.
 */
export type RetryRecord<R> = { state: 'pending'; at: number } | { state: 'done'; result: R };

export function retryKey(ctx: ActionContext<any, any>, what: string): string {
  return `lptracker:${what}:${ctx.idempotencyKey}`;
}

export async function readRecord<R>(ctx: ActionContext<any, any>, what: string): Promise<RetryRecord<R> | undefined> {
  return ctx.store.get<RetryRecord<R>>(retryKey(ctx, what));
}

export async function markPending(ctx: ActionContext<any, any>, what: string, previous?: RetryRecord<unknown>): Promise<number> {
  // A second attempt keeps the first one's start: the write it may have done is older.
  const at = previous?.state === 'pending' ? previous.at : Date.now();
  await ctx.store.put(retryKey(ctx, what), { state: 'pending', at });
  return at;
}

export async function markDone<R>(ctx: ActionContext<any, any>, what: string, result: R): Promise<R> {
  await ctx.store.put(retryKey(ctx, what), { state: 'done', result });
  return result;
}

/**
 * The mark a created lead carries (in its visit, `view.uuid`) so a retry can recognise the lead
 * an attempt created even when LPTracker's answer was lost: derived from the step's idempotency
 * key, short and opaque.
 */
export function leadMarker(idempotencyKey: string): string {
  return `ic-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}
