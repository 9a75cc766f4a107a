import { z } from 'zod';
import { connectionField, defineAction } from '../../../core/sdk/index.ts';
import { batchPreview, patchLead } from '../client/write-kinds.ts';
import { metadataOf, remoteOf, resolveStage } from './action-kit.ts';
import { idProp, requiredPipelineProp, requiredStatusProp, toId } from './props.ts';

/** A move is idempotent (the same status twice is one move), so a retry needs no record. */
export const changeStatus = defineAction({
  id: 'change_status',
  title: 'AmoCRM: сменить статус сделки',
  description: 'Переводит сделку в выбранный статус выбранной воронки. Изменения многих правил уходят в AmoCRM общими пакетами.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID сделки', 'Например, {{trigger.lead.id}}.'),
    pipelineId: requiredPipelineProp('Воронка'),
    statusId: requiredStatusProp('Статус'),
  }),
  sample: { id: 10000001, pipeline_id: 6100001, status_id: 61000012, status_name: 'Переговоры', updated_at: 1740823200 },
  summarize: (o) => (o?.id ? `сделка ${o.id} → «${o.status_name ?? o.status_id}»` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const leadId = toId(ctx.props.leadId, 'ID сделки');
    const stage = resolveStage(await metadataOf(remote), ctx.props.pipelineId, ctx.props.statusId);
    const body: Record<string, unknown> = { id: leadId, status_id: stage.statusId, pipeline_id: stage.pipelineId };
    if (ctx.dryRun) return { dryRun: true, request: batchPreview(remote, 'patch', { body }) };
    const row = await patchLead(remote, { body });
    return { id: leadId, pipeline_id: stage.pipelineId, status_id: stage.statusId, status_name: stage.statusName, updated_at: row.updated_at ?? null };
  },
});
