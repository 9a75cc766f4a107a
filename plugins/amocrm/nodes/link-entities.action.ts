import { z } from 'zod';
import { connectionField, defineAction, widget } from '../../../core/sdk/index.ts';
import { amoRequest } from '../client/amo-client.ts';
import { preview, remoteOf } from './action-kit.ts';
import { idProp, toId } from './props.ts';

const TARGET_LABELS = { contacts: 'Контакт', companies: 'Компания' };

/** Linking what is already linked changes nothing, so a retry is harmless. */
export const linkEntities = defineAction({
  id: 'link_entities',
  title: 'AmoCRM: связать сделку с контактом или компанией',
  description: 'Привязывает к сделке контакт (можно сделать основным) или компанию.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID сделки', 'Например, {{trigger.lead.id}}.'),
    toEntityType: widget(z.enum(['contacts', 'companies']).default('contacts'), 'select', { labels: TARGET_LABELS }).meta({ title: 'Что привязать' }),
    toEntityId: idProp('ID контакта или компании', 'Например, {{n2.id}}.'),
    isMain: z.boolean().default(false).meta({ title: 'Основной контакт' }),
  }),
  sample: { lead_id: 10000001, to_entity_type: 'contacts', to_entity_id: 20000001, is_main: true },
  async run(ctx) {
    const remote = remoteOf(ctx);
    const leadId = toId(ctx.props.leadId, 'ID сделки');
    const toId_ = toId(ctx.props.toEntityId, 'ID контакта или компании');
    const item: Record<string, unknown> = { to_entity_id: toId_, to_entity_type: ctx.props.toEntityType };
    if (ctx.props.toEntityType === 'contacts' && ctx.props.isMain) item.metadata = { is_main: true };
    const path = `/api/v4/leads/${leadId}/link`;
    if (ctx.dryRun) return preview(remote, 'POST', path, [item]);
    await amoRequest(remote, { method: 'POST', path, body: [item] });
    return { lead_id: leadId, to_entity_type: ctx.props.toEntityType, to_entity_id: toId_, is_main: ctx.props.toEntityType === 'contacts' ? ctx.props.isMain : false };
  },
});
