/** `lptracker.find_contact`: contacts of a project by phone (compared by digits), else by email. */
import { z } from 'zod';
import { connectionField, defineAction, UserError } from '../../../core/sdk/index.ts';
import { metadataOf, projectById, remoteOf } from './action-kit.ts';
import { contactKeys, contactView, searchContacts, type ContactView } from './contacts.ts';
import { requiredProjectProp, templateProp } from './props.ts';
import { SAMPLE_CONTACT } from './samples.ts';

export const findContact = defineAction({
  id: 'find_contact',
  title: 'LPTracker: найти контакт',
  description: 'Ищет контакт проекта по телефону (в любом формате), а если не нашёлся — по email. {{…found}} — найден ли.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    projectId: requiredProjectProp('Проект'),
    phone: templateProp('Телефон'),
    email: templateProp('Email'),
  }),
  sample: { found: true, count: 1, contact: { ...SAMPLE_CONTACT, project_id: 94698, fields: { Должность: 'Директор' }, created_at: null }, contacts: [] },
  summarize: (o) => (o?.found ? `контакт найден: ${o.contact?.id}` : 'контакт не найден'),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const project = projectById(await metadataOf(remote), ctx.props.projectId);
    const keys = contactKeys(ctx.props.phone, ctx.props.email);
    if (!keys.phone && !keys.email) throw new UserError('LPTRACKER_SEARCH_EMPTY', 'Укажите телефон или email для поиска контакта.');
    const found = (await searchContacts(remote, project.id, keys)).map(contactView).filter((c): c is ContactView => c !== null);
    return { found: found.length > 0, count: found.length, contact: found[0] ?? null, contacts: found };
  },
});
