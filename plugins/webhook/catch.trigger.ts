import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { defineTrigger, renderTemplate, UserError, widget } from '../../core/sdk/index.ts';

const SECRET_HASH_PREFIX = 'sha256:';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * Any JSON or form request to the workflow's URL. The optional shared secret is stored as a hash
 * (the core hashes `secret-hash` props on save), so the graph never holds it in clear.
 */
export const catchTrigger = defineTrigger({
  id: 'catch',
  title: 'Входящий вебхук',
  description: 'Запускает правило на каждый запрос к адресу правила (JSON или форма).',
  events: ['webhook.request'],
  props: z.object({
    secretHeader: z.string().trim().max(100).default('').meta({
      title: 'Заголовок с секретом',
      description: 'Например, X-Webhook-Secret. Пусто — проверка выключена.',
    }),
    secretValue: widget(z.string().max(200).default(''), 'secret-hash').meta({
      title: 'Значение секрета',
      description: 'Запросы без этого значения в заголовке отклоняются (401). Хранится в виде хеша.',
    }),
    dedupeBy: widget(z.string().max(500).default(''), 'template').meta({
      title: 'Ключ дедупликации',
      description: 'Например, {{body.lead.id}}. Пусто — дубликатом считается запрос с тем же телом.',
    }),
  }),
  sample: {
    method: 'POST',
    body: { lead: { id: 123, name: 'Иван Петров', phone: '+79181234567', city: 'Краснодар' } },
    headers: { 'content-type': 'application/json' },
    query: {},
  },
  match: () => true,
  dedupeKey(request, props) {
    if (!props.dedupeBy) return undefined;
    const key = renderTemplate(props.dedupeBy, { body: request.body, headers: request.headers, query: request.query });
    // An empty key (field missing in this request) falls back to the body hash.
    return key === undefined || key === null || key === '' ? undefined : typeof key === 'string' ? key : JSON.stringify(key);
  },
  verify(request, props) {
    if (!props.secretHeader || !props.secretValue) return;
    const got = request.headers[props.secretHeader.toLowerCase()] ?? '';
    const expected = props.secretValue.startsWith(SECRET_HASH_PREFIX)
      ? Buffer.from(props.secretValue.slice(SECRET_HASH_PREFIX.length), 'hex')
      : sha256(props.secretValue);
    const actual = sha256(got);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new UserError('WEBHOOK_SECRET_MISMATCH', `Неверный или отсутствующий секрет в заголовке ${props.secretHeader}`, { status: 401 });
    }
  },
});
