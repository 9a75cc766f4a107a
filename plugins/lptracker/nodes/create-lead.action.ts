/**
 * `lptracker.create_lead`: a lead in a project and stage, with its contact found by phone or
 * email first (else created inline with the lead), source and campaign in its visit (`view`),
 * custom fields by name.
 *
 * Retry safety. `POST /lead` is not idempotent and LPTracker has no idempotency key, so:
 * - the step's record in `ctx.store` (under its idempotency key) says `pending` before the write
 *   and `done` with the result after it; a retry of a done step returns that result;
 * - the lead carries a marker derived from the idempotency key in its visit (`view.uuid`): a retry
 *   of a pending step (the answer was lost: timeout, broken answer) looks for it among the leads
 *   of the contact (found again by phone or email: an inline contact was created with the lead)
 *   and takes that lead instead of writing a second one.
 * `created` is true only when this attempt wrote the lead. The lead is linked to the run's source
 * entity (`ctx.links`), so a later rule on that entity finds its LPTracker counterpart.
 */
import { z } from 'zod';
import { connectionField, defineAction, fieldMap, UserError } from '../../../core/sdk/index.ts';
import { lptList, lptRequest } from '../client/lpt-client.ts';
import type { LptRemote } from '../client/lpt-remote.ts';
import type { LptLead } from '../webhook/lpt-webhook.types.ts';
import {
  leadMarker, markDone, markPending, metadataOf, preview, projectById, readRecord, remoteOf, requireLead, resolveStage,
} from './action-kit.ts';
import { contactKeys, contactView, searchContacts, type ContactKeys, type ContactView } from './contacts.ts';
import { customWrites } from './custom-fields.ts';
import { nonEmpty, optionalId, requiredProjectProp, staffProp, stageProp, templateProp } from './props.ts';
import { SAMPLE_CONTACT, SAMPLE_LEAD } from './samples.ts';

type Raw = Record<string, unknown>;

export interface CreateLeadResult {
  id: number;
  lead: LptLead;
  contact: ContactView | null;
  /** Whether the contact was created together with the lead (none had this phone or email). */
  contactCreated: boolean;
  created: boolean;
}

function inlineContact(projectId: number, name: string, keys: ContactKeys): Raw {
  const details = [
    ...(keys.phone ? [{ type: 'phone', data: keys.phone }] : []),
    ...(keys.email ? [{ type: 'email', data: keys.email }] : []),
  ];
  return { project_id: projectId, name, details };
}

/** The lead an earlier attempt of this step created, recognised by its marker. */
async function findMarked(remote: LptRemote, projectId: number, keys: ContactKeys, marker: string): Promise<Raw | undefined> {
  const contacts = await searchContacts(remote, projectId, keys);
  for (const c of contacts) {
    const leads = await lptList(remote, `/contact/${Number(c.id)}/leads`);
    const hit = leads.find((l) => {
      const view = l.view;
      return typeof view === 'object' && view !== null && Object.values(view).includes(marker);
    });
    if (hit) return hit;
  }
  return undefined;
}

export const createLead = defineAction({
  id: 'create_lead',
  title: 'LPTracker: создать лид',
  description:
    'Создаёт лид в проекте и на этапе LPTracker с полями по названиям. Контакт ищется по телефону и email, новый создаётся вместе с лидом. Источник и кампания попадают в визит лида. Повтор шага не создаёт второй лид.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    projectId: requiredProjectProp('Проект'),
    stageId: stageProp('Этап', 'Пусто — первый этап воронки («Новый лид»).'),
    name: templateProp('Название лида', 'Например, {{trigger.lead.name}}. Оно же — имя нового контакта.'),
    phone: templateProp('Телефон', 'Любой формат: +7 918 123-45-67, 89181234567. По нему ищется существующий контакт.'),
    email: templateProp('Email', 'По нему ищется контакт, если не нашёлся по телефону.'),
    ownerId: staffProp('Ответственный', 'Пусто — главный аккаунт.'),
    source: templateProp('Источник', 'Визит лида (view.source), например amocrm.'),
    campaign: templateProp('Кампания', 'Визит лида (view.campaign).'),
    fields: fieldMap('leadFields').meta({ title: 'Поля лида', description: 'Название поля → значение, например «Город» → {{trigger.lead.fields.Город}}.' }),
  }),
  sample: { id: SAMPLE_LEAD.id, lead: { ...SAMPLE_LEAD, stage_id: 1648185, stage: { id: 1648185, name: 'Новый лид' } }, contact: { ...SAMPLE_CONTACT, project_id: 94698, fields: {}, created_at: null }, contactCreated: true, created: true },
  summarize: (o) => (o?.id ? `лид ${o.created === false ? 'уже был создан' : 'создан'}: ${o.id}` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const p = ctx.props;
    const meta = await metadataOf(remote);
    const project = projectById(meta, p.projectId);
    const stage = resolveStage(project, p.stageId);
    const ownerId = optionalId(p.ownerId, 'Ответственный', { allowZero: true });
    const custom = customWrites(p.fields as Record<string, unknown>, project);
    const keys = contactKeys(p.phone, p.email);
    if (!keys.phone && !keys.email) {
      throw new UserError('LPTRACKER_CONTACT_REQUIRED', 'Укажите телефон или email: LPTracker не создаёт лид без контакта с ними.');
    }
    const name = nonEmpty(p.name) ?? keys.phone ?? keys.email!;
    const marker = leadMarker(ctx.idempotencyKey);
    const view: Raw = { uuid: marker };
    const source = nonEmpty(p.source);
    const campaign = nonEmpty(p.campaign);
    if (source) view.source = source;
    if (campaign) view.campaign = campaign;

    const record = ctx.dryRun ? undefined : await readRecord<CreateLeadResult>(ctx, 'create_lead');
    if (record?.state === 'done') return { ...record.result, created: false };

    const existing = (await searchContacts(remote, project.id, keys))[0];
    const body: Raw = {
      ...(existing ? { contact_id: Number(existing.id) } : { contact: inlineContact(project.id, name, keys) }),
      name,
      // LPTracker's SDK sends the stage and the owner under both names.
      ...(stage ? { funnel: stage.id, stage_id: stage.id } : {}),
      ...(ownerId !== undefined ? { owner: ownerId, owner_id: ownerId } : {}),
      view,
      ...(Object.keys(custom).length > 0 ? { custom } : {}),
      callback: false,
    };
    if (ctx.dryRun) return preview(remote, 'POST', '/lead', body, { contact: existing ? contactView(existing) : null });

    const finish = async (raw: unknown, created: boolean, contactCreated: boolean) => {
      const lead = requireLead(raw, 'создание лида');
      const contactRaw = (raw as Raw).contact ?? existing;
      // The run's source entity (an AmoCRM lead…) now has this lead as its LPTracker counterpart.
      await ctx.links?.add({ type: 'lead', id: lead.id });
      return markDone<CreateLeadResult>(ctx, 'create_lead', { id: lead.id, lead, contact: contactView(contactRaw), contactCreated, created });
    };

    if (record?.state === 'pending') {
      const earlier = await findMarked(remote, project.id, keys, marker);
      if (earlier) {
        // The contact is new if it appeared no earlier than the attempt that wrote the lead (minute precision).
        const since = contactView(earlier.contact)?.created_at;
        return finish(earlier, false, since !== null && since !== undefined && Date.parse(since) >= record.at - 60_000);
      }
    }
    await markPending(ctx, 'create_lead', record);
    const created = await lptRequest<Raw>(remote, { method: 'POST', path: '/lead', body });
    return finish(created, true, !existing);
  },
});
