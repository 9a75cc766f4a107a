import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { defineTrigger, renderTemplate, UserError, widget } from '../../core/sdk/index.ts';

const SECRET_HASH_PREFIX = 'sha256:';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * Any JSON or form request to the workflow's URL. The optional shared secret is stored as a hash
 * (the core hashes `secret-hash` props on save), so the graph never holds it in clear. It may
 * arrive in a header or in a query key (services that cannot set headers); either is declared
 * secret, so the stored event, and every run of it, shows it masked.
 */
export const catchTrigger = defineTrigger({
  id: 'catch',
  title: 'Входящий вебхук',
  description: 'Запускает правило на каждый запрос к адресу правила (JSON или форма).',
  events: ['webhook.request'],
  props: z.object({
    secretHeader: z.string().trim().max(100).regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]*$/, 'Недопустимое имя заголовка').default('').meta({
      title: 'Заголовок с секретом',
      description: 'Например, X-Webhook-Secret.',
    }),
    secretQueryParam: z.string().trim().max(100).default('').meta({
      title: 'Параметр адреса с секретом',
      description: 'Имя параметра в адресе вебхука — для сервисов, которые не умеют задавать заголовки.',
    }),
    secretValue: widget(z.string().max(200).default(''), 'secret-hash').meta({
      title: 'Значение секрета',
      description: 'Запросы без этого значения в заголовке или параметре отклоняются (401). Хранится в виде хеша. Пусто — проверка выключена.',
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
  secretHeaders: (props) => (props.secretHeader ? [props.secretHeader] : []),
  secretQuery: (props) => (props.secretQueryParam ? [props.secretQueryParam] : []),
  verify(request, props) {
    if (!props.secretValue || (!props.secretHeader && !props.secretQueryParam)) return;
    const expected = props.secretValue.startsWith(SECRET_HASH_PREFIX)
      ? Buffer.from(props.secretValue.slice(SECRET_HASH_PREFIX.length), 'hex')
      : sha256(props.secretValue);
    const candidates: string[] = [];
    if (props.secretHeader) candidates.push(request.headers[props.secretHeader.toLowerCase()] ?? '');
    if (props.secretQueryParam) candidates.push(queryValue(request.query, props.secretQueryParam));
    // Every candidate is compared (no early exit), each in constant time.
    let ok = false;
    for (const got of candidates) ok = matches(expected, got) || ok;
    if (!ok) {
      const where = [props.secretHeader && `заголовке ${props.secretHeader}`, props.secretQueryParam && `параметре ${props.secretQueryParam}`].filter(Boolean).join(' или ');
      throw new UserError('WEBHOOK_SECRET_MISMATCH', `Неверный или отсутствующий секрет в ${where}`, { status: 401 });
    }
  },
});

function matches(expected: Buffer, got: string): boolean {
  const actual = sha256(got);
  return got !== '' && expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Query keys are matched case-insensitively, like header names. */
function queryValue(query: Record<string, string>, key: string): string {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(query)) if (k.toLowerCase() === wanted) return v;
  return '';
}
