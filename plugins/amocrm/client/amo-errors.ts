/**
 * AmoCRM HTTP answers → SDK errors with stable codes and Russian messages. UserError is never
 * retried (bad data, a revoked token, an unpaid or blocked account: a person must act);
 * OperationalError is (429, 5xx).
 */
import { OperationalError, UserError, type HttpResponse } from '../../../core/sdk/index.ts';

export interface AmoValidationIssue {
  request_id: string;
  code: string;
  path: string;
  detail: string;
}

const CODE_RU: Record<string, string> = {
  NotSupportedChoice: 'значение не из списка допустимых',
  InvalidType: 'неверный тип значения',
  NotBlank: 'не может быть пустым',
  NotFound: 'не найдено',
  TooMany: 'слишком много значений',
};

// Top-level keys of written items, as the AmoCRM interface names them.
const PATH_RU: Record<string, string> = {
  id: 'ID',
  name: 'название',
  price: 'бюджет',
  status_id: 'статус',
  pipeline_id: 'воронка',
  responsible_user_id: 'ответственный',
  created_by: 'автор',
  loss_reason_id: 'причина отказа',
  entity_id: 'сущность',
  entity_type: 'тип сущности',
  note_type: 'тип примечания',
  text: 'текст',
  complete_till: 'срок',
  task_type_id: 'тип задачи',
  to_entity_id: 'связываемая сущность',
  to_entity_type: 'тип связываемой сущности',
  first_name: 'имя',
  last_name: 'фамилия',
  destination: 'адрес вебхука',
  settings: 'события вебхука',
};

const PARAMS_RU: Record<string, string> = {
  text: 'текст примечания',
  phone: 'телефон звонка',
  duration: 'длительность звонка',
  link: 'ссылка на запись',
  uniq: 'ID звонка',
  source: 'источник звонка',
  call_status: 'статус звонка',
};

/** Names for the custom fields of one written item, by their index in `custom_fields_values`. */
export type FieldLabels = (requestId: string, index: number) => string | undefined;

/** `custom_fields_values.0.values.0.enum_id` → «поле «Город»», `_embedded.contacts.0.name` → «контакт: название». */
export function describePath(path: string, requestId = '0', labels?: FieldLabels): string {
  const parts = path.split('.');
  if (parts[0] === 'custom_fields_values') {
    const index = Number(parts[1]);
    const name = Number.isInteger(index) ? labels?.(requestId, index) : undefined;
    return name ? `поле «${name}»` : Number.isInteger(index) ? `дополнительное поле №${index + 1}` : 'дополнительные поля';
  }
  if (parts[0] === '_embedded') {
    const what = parts[1] === 'contacts' ? 'контакт' : parts[1] === 'companies' ? 'компания' : parts[1] === 'tags' ? 'теги' : 'вложенные данные';
    const rest = parts.slice(3).join('.');
    return rest ? `${what}: ${describePath(rest)}` : what;
  }
  if (parts[0] === 'params') return PARAMS_RU[parts[1] ?? ''] ?? `параметр ${parts.slice(1).join('.')}`;
  if (path === '') return 'тело запроса';
  return PATH_RU[parts[0]!] ?? path;
}

export function validationIssues(body: unknown): AmoValidationIssue[] {
  const list = isObj(body) ? body['validation-errors'] : undefined;
  if (!Array.isArray(list)) return [];
  const out: AmoValidationIssue[] = [];
  for (const item of list) {
    if (!isObj(item) || !Array.isArray(item.errors)) continue;
    const requestId = String(item.request_id ?? '0');
    for (const e of item.errors) {
      if (!isObj(e)) continue;
      out.push({ request_id: requestId, code: String(e.code ?? ''), path: String(e.path ?? ''), detail: String(e.detail ?? '') });
    }
  }
  return out;
}

export function validationMessage(issues: AmoValidationIssue[], labels?: FieldLabels): string {
  const parts = issues.slice(0, 5).map((i) => `${describePath(i.path, i.request_id, labels)} — ${CODE_RU[i.code] ?? i.detail}`);
  const more = issues.length > 5 ? ` и ещё ${issues.length - 5}` : '';
  return `AmoCRM отклонил данные: ${parts.join('; ')}${more}`;
}

export function validationError(issues: AmoValidationIssue[], labels?: FieldLabels): UserError {
  return new UserError('AMOCRM_VALIDATION', validationMessage(issues, labels), {
    details: { status: 400, errors: issues.map((i) => ({ ...i, field: describePath(i.path, i.request_id, labels) })) },
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function detailOf(body: unknown): string {
  if (isObj(body)) return String(body.detail ?? body.title ?? body.hint ?? '').slice(0, 300);
  return '';
}

/** Seconds from `retry_after` in the body, else from the Retry-After header; 1 s when neither says. */
export function retryAfterMs(res: HttpResponse): number {
  const fromBody = isObj(res.body) ? Number(res.body.retry_after) : NaN;
  const fromHeader = Number(res.headers['retry-after']);
  const sec = Number.isFinite(fromBody) && fromBody > 0 ? fromBody : Number.isFinite(fromHeader) && fromHeader > 0 ? fromHeader : 1;
  return sec * 1000;
}

/** The error for a non-success answer (401 is decided by the caller, after its one refresh). */
export function errorForResponse(res: HttpResponse, opts: { labels?: FieldLabels; longLived?: boolean } = {}): Error {
  const { status, body } = res;
  const details = { status, body: typeof body === 'string' ? body.slice(0, 500) : body };
  if (status === 401) {
    return new UserError(
      'AMOCRM_UNAUTHORIZED',
      opts.longLived
        ? 'AmoCRM не принял долгосрочный токен (401): он отозван или истёк. Создайте новый токен в AmoCRM и обновите подключение в «Настройках».'
        : 'AmoCRM не принял токен доступа (401): доступ отозван или истёк. Переподключите AmoCRM в «Настройках».',
      { details },
    );
  }
  if (status === 402) {
    return new UserError('AMOCRM_PAYMENT_REQUIRED', 'Аккаунт AmoCRM не оплачен или пробный период закончился (402): API недоступен до оплаты.', { details });
  }
  if (status === 403) {
    const html = typeof body === 'string' && /<html|<!doctype/i.test(body);
    return new UserError(
      'AMOCRM_FORBIDDEN',
      html
        ? 'AmoCRM заблокировал доступ к API (403): обычно из-за превышения лимита запросов или IP вне белого списка. Повторите позже.'
        : `AmoCRM запретил это действие (403): недостаточно прав у пользователя интеграции${detailOf(body) ? ` (${detailOf(body)})` : ''}.`,
      { details },
    );
  }
  if (status === 400) {
    const issues = validationIssues(body);
    if (issues.length > 0) return validationError(issues, opts.labels);
    return new UserError('AMOCRM_BAD_REQUEST', `AmoCRM отклонил запрос (400)${detailOf(body) ? `: ${detailOf(body)}` : ''}`, { details });
  }
  if (status === 404) {
    return new UserError('AMOCRM_NOT_FOUND', 'Адрес AmoCRM не найден (404): проверьте поддомен и адрес API подключения.', { details });
  }
  if (status === 422) {
    return new UserError('AMOCRM_UNPROCESSABLE', `AmoCRM не смог обработать запрос (422)${detailOf(body) ? `: ${detailOf(body)}` : ''}`, { details });
  }
  if (status === 429) {
    const ms = retryAfterMs(res);
    return new OperationalError('AMOCRM_RATE_LIMITED', `AmoCRM ограничил частоту запросов (429): повтор через ${Math.ceil(ms / 1000)} с.`, { details, retryAfterMs: ms });
  }
  if (status >= 500) {
    return new OperationalError('AMOCRM_SERVER_ERROR', `AmoCRM временно недоступен (${status}): запрос будет повторён.`, { details });
  }
  return new UserError('AMOCRM_HTTP_ERROR', `AmoCRM ответил неожиданным статусом ${status}${detailOf(body) ? `: ${detailOf(body)}` : ''}`, { details });
}
