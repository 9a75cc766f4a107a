/**
 * `lptracker.change_stage`: `PUT /lead/{id}/funnel` («funnel» is a stage in LPTracker's API).
 * Moving to the stage the lead is already on changes nothing, so a retry is harmless.
 */
import { z } from 'zod';
import { connectionField, defineAction, UserError } from '../../../core/sdk/index.ts';
import { lptRequest } from '../client/lpt-client.ts';
import { metadataOf, preview, projectOfStage, remoteOf, requireLead, resolveStage } from './action-kit.ts';
import { getLead, projectOfLead } from './lead-actions.ts';
import { idProp, optionalId, projectProp, requiredStageProp, toId } from './props.ts';
import { SAMPLE_LEAD } from './samples.ts';

export const changeStage = defineAction({
  id: 'change_stage',
  title: 'LPTracker: перевести лид на этап',
  description: 'Переводит лид на выбранный этап воронки проекта. Этап можно указать и названием из шаблона, например «Отказ».',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID лида', 'Например, {{trigger.lead.id}}.'),
    projectId: projectProp('Проект', 'Для выбора этапа; пусто — проект самого лида.'),
    stageId: requiredStageProp('Этап'),
  }),
  sample: { lead: SAMPLE_LEAD, stage: { id: 1648195, name: 'В работе' } },
  summarize: (o) => (o?.lead?.id ? `лид ${o.lead.id} → этап «${o.stage?.name ?? o.stage?.id}»` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const p = ctx.props;
    const leadId = toId(p.leadId, 'ID лида');
    const meta = await metadataOf(remote);
    // A stage id names its project by itself; only a stage name needs the lead's project.
    const stageNumber = optionalId(typeof p.stageId === 'string' && !/^\s*\d+\s*$/.test(p.stageId) ? undefined : p.stageId, 'Этап');
    const known = stageNumber !== undefined && optionalId(p.projectId, 'Проект') === undefined ? projectOfStage(meta, stageNumber) : undefined;
    const project = known ?? projectOfLead(meta, p.projectId, optionalId(p.projectId, 'Проект') === undefined ? await getLead(remote, leadId) : undefined);
    const stage = resolveStage(project, p.stageId);
    if (!stage) throw new UserError('LPTRACKER_STAGE_REQUIRED', 'Выберите этап, на который перевести лид.');
    const body = { funnel: stage.id, options: {} };
    if (ctx.dryRun) return preview(remote, 'PUT', `/lead/${leadId}/funnel`, body, { stage: { id: stage.id, name: stage.name } });
    const raw = await lptRequest(remote, { method: 'PUT', path: `/lead/${leadId}/funnel`, body });
    return { lead: requireLead(raw, 'смена этапа'), stage: { id: stage.id, name: stage.name } };
  },
});
