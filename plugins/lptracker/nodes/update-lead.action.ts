/**
 * `lptracker.update_lead`: name, stage, owner and custom fields by name (`PUT /lead/{id}` with
 * only what is set: LPTracker takes partial bodies). A PUT that sets values is idempotent, so a
 * retried step simply repeats it.
 */
import { z } from 'zod';
import { connectionField, defineAction, fieldMap, UserError } from '../../../core/sdk/index.ts';
import { lptRequest } from '../client/lpt-client.ts';
import { metadataOf, preview, remoteOf, requireLead, resolveStage } from './action-kit.ts';
import { customWrites } from './custom-fields.ts';
import { getLead, projectOfLead } from './lead-actions.ts';
import { idProp, nonEmpty, optionalId, projectProp, staffProp, stageProp, templateProp, toId } from './props.ts';
import { SAMPLE_LEAD } from './samples.ts';

export const updateLead = defineAction({
  id: 'update_lead',
  title: 'LPTracker: изменить лид',
  description: 'Меняет название, этап, ответственного и поля лида по названиям. Пустые значения не стирают то, что уже есть в LPTracker.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID лида', 'Например, {{trigger.lead.id}}.'),
    projectId: projectProp('Проект', 'Для выбора этапа и полей; пусто — проект самого лида.'),
    name: templateProp('Новое название', 'Пусто — не менять.'),
    stageId: stageProp('Этап', 'Пусто — не менять.'),
    ownerId: staffProp('Ответственный', 'Пусто — не менять.'),
    fields: fieldMap('leadFields').meta({ title: 'Поля лида', description: 'Название поля → новое значение.' }),
  }),
  sample: { lead: SAMPLE_LEAD, updated: true },
  summarize: (o) => (o?.lead?.id ? (o.updated ? `лид ${o.lead.id} обновлён` : `лид ${o.lead.id}: менять нечего`) : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const p = ctx.props;
    const leadId = toId(p.leadId, 'ID лида');
    const meta = await metadataOf(remote);
    const wantsProject = nonEmpty(p.stageId) !== undefined || Object.values(p.fields ?? {}).some((v) => nonEmpty(v) !== undefined);
    const current = wantsProject && optionalId(p.projectId, 'Проект') === undefined ? await getLead(remote, leadId) : undefined;
    const project = wantsProject ? projectOfLead(meta, p.projectId, current) : undefined;
    const body: Record<string, unknown> = {};
    const name = nonEmpty(p.name);
    if (name) body.name = name;
    const stage = project ? resolveStage(project, p.stageId) : undefined;
    if (stage) Object.assign(body, { funnel: stage.id, stage_id: stage.id });
    const ownerId = optionalId(p.ownerId, 'Ответственный', { allowZero: true });
    if (ownerId !== undefined) Object.assign(body, { owner: ownerId, owner_id: ownerId });
    const custom = project ? customWrites(p.fields as Record<string, unknown>, project) : {};
    if (Object.keys(custom).length > 0) body.custom = custom;
    if (Object.keys(body).length === 0) {
      if (ctx.dryRun) return { dryRun: true, request: null, note: 'Нечего менять: все значения пустые.' };
      return { lead: requireLead(current ?? (await getLead(remote, leadId)), 'чтение лида'), updated: false };
    }
    if (ctx.dryRun) return preview(remote, 'PUT', `/lead/${leadId}`, body);
    const raw = await lptRequest(remote, { method: 'PUT', path: `/lead/${leadId}`, body });
    if (!raw) throw new UserError('LPTRACKER_UNEXPECTED', 'LPTracker не вернул лид после изменения.');
    return { lead: requireLead(raw, 'изменение лида'), updated: true };
  },
});
