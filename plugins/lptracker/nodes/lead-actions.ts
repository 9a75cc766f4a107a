/** Shared by the actions that change an existing lead: reading it and resolving its project. */
import { UserError } from '../../../core/sdk/index.ts';
import { lptGet } from '../client/lpt-client.ts';
import type { LptRemote } from '../client/lpt-remote.ts';
import type { LptMetadata, LptProjectMeta } from '../metadata/lpt-metadata.types.ts';
import { projectById, projectOfStage } from './action-kit.ts';
import { optionalId } from './props.ts';

type Raw = Record<string, unknown>;

export async function getLead(remote: LptRemote, leadId: number): Promise<Raw> {
  const raw = await lptGet<Raw>(remote, `/lead/${leadId}`);
  if (!raw || typeof raw !== 'object') throw new UserError('LPTRACKER_NOT_FOUND', `Лид ${leadId} не найден в LPTracker.`, { status: 404 });
  return raw;
}

/**
 * The project a lead lives in: the node's prop when set, else what the lead says (`project_id`,
 * or its contact's or visit's, as different answers carry it), else the project of its stage.
 */
export function projectOfLead(meta: LptMetadata, propValue: unknown, lead: Raw | undefined): LptProjectMeta {
  if (optionalId(propValue, 'Проект') !== undefined) return projectById(meta, propValue);
  const nested = (key: string) => (typeof lead?.[key] === 'object' && lead[key] !== null ? (lead[key] as Raw).project_id : undefined);
  const candidate = lead?.project_id ?? nested('contact') ?? nested('view');
  if (candidate !== undefined && candidate !== null) return projectById(meta, candidate);
  const stageId = Number(lead?.stage_id ?? (lead?.stage as Raw | undefined)?.id ?? lead?.funnel);
  const byStage = Number.isSafeInteger(stageId) ? projectOfStage(meta, stageId) : undefined;
  if (byStage) return byStage;
  throw new UserError('LPTRACKER_PROJECT_UNKNOWN', 'Не удалось определить проект лида: выберите проект в настройках узла.');
}
