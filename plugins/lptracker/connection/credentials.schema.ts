import { z } from 'zod';
import { widget } from '../../../core/sdk/index.ts';

export const DEFAULT_BASE_URL = 'https://direct.lptracker.ru';
export const DEFAULT_SERVICE = 'Конструктор интеграций';

// '' is what an emptied form field sends: the same as «не задан».
const baseUrl = z
  .union([z.literal(''), z.string().trim().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i, 'Адрес API: http(s)://хост, например https://direct.lptracker.ru')])
  .optional()
  .meta({ title: 'Адрес API', description: `Необязательно. Вместо ${DEFAULT_BASE_URL}: например, симулятор.` });

/**
 * Bound by a platform admin: the login of the account's main user (главный аккаунт), its password
 * and the service label LPTracker signs every action with. `token`/`tokenAt` are the session from
 * `POST /login`, written back by the SDK's refresh and never typed by a person.
 */
export const lptCredentialsSchema = z.object({
  login: z.string({ error: 'Укажите логин LPTracker' }).trim().min(1, 'Укажите логин LPTracker').max(200, 'Логин не длиннее 200 символов')
    .meta({ title: 'Логин', description: 'Логин (email) главного аккаунта LPTracker.' }),
  password: widget(z.string({ error: 'Укажите пароль LPTracker' }).min(1, 'Укажите пароль LPTracker'), 'secret')
    .meta({ title: 'Пароль', description: 'Пароль главного аккаунта LPTracker.' }),
  service: z.string().trim().min(1, 'Укажите название сервиса').max(100, 'Название сервиса не длиннее 100 символов').default(DEFAULT_SERVICE)
    .meta({ title: 'Название сервиса', description: 'LPTracker подписывает им каждое действие интеграции.' }),
  baseUrl,
  token: widget(z.string().optional(), 'secret').meta({ title: 'Токен', description: 'Заполняется автоматически при входе в LPTracker.', readOnly: true }),
  tokenAt: z.number().int().nonnegative().optional().meta({ title: 'Токен получен', description: 'Unix-время в миллисекундах; заполняется автоматически.', readOnly: true }),
});

export type LptCredentials = z.infer<typeof lptCredentialsSchema>;

/** The API origin: `baseUrl` when set (the simulator), else LPTracker's only public host. */
export function apiBase(c: Pick<LptCredentials, 'baseUrl'>): string {
  return (c.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * The limiter's key: LPTracker counts requests per account (login included), whichever
 * connection or tenant uses it, so the key is the account, not the connection.
 */
export function accountKey(c: Pick<LptCredentials, 'baseUrl' | 'login'>): string {
  return `${apiBase(c)}|${c.login.trim().toLowerCase()}`;
}
