import { z } from 'zod';
import { widget } from '../../../core/sdk/index.ts';

const subdomain = z
  .string({ error: 'Укажите поддомен аккаунта' })
  .trim()
  .toLowerCase()
  .min(1, 'Укажите поддомен аккаунта')
  .max(63, 'Поддомен не длиннее 63 символов')
  .regex(/^[a-z0-9][a-z0-9-]*$/i, 'Укажите только поддомен — часть адреса аккаунта перед .amocrm.ru')
  .meta({ title: 'Поддомен', description: 'Часть адреса аккаунта перед .amocrm.ru (из адреса https://mycompany.amocrm.ru).' });

// '' is what an emptied form field sends: the same as «не задан».
const baseUrl = z
  .union([z.literal(''), z.string().trim().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i, 'Адрес API: http(s)://хост, например https://mycompany.kommo.com')])
  .optional()
  .meta({ title: 'Адрес API', description: 'Необязательно: другой адрес аккаунта вместо https://<поддомен>.amocrm.ru — зарубежный (https://mycompany.kommo.com) или симулятор.' });

const secret = (title: string, description: string) => widget(z.string().trim().min(1, `Укажите поле «${title}»`), 'secret').meta({ title, description });
// Filled by the OAuth exchange, not typed: `readOnly` keeps them out of the «Настройки» form.
const optionalSecret = (title: string, description: string) => widget(z.string().optional(), 'secret').meta({ title, description, readOnly: true });

export const tokenCredentialsSchema = z
  .object({
    authType: z.literal('token').meta({ title: 'Долгосрочный токен' }),
    subdomain,
    accessToken: secret('Долгосрочный токен', 'Создаётся в AmoCRM: «Настройки» → «Интеграции» → ваша интеграция → «Ключи и доступы» → «Сгенерировать долгосрочный токен».'),
    baseUrl,
  })
  .meta({ title: 'Долгосрочный токен' });

export const oauthCredentialsSchema = z
  .object({
    authType: z.literal('oauth').meta({ title: 'OAuth 2.0' }),
    subdomain,
    clientId: z.string().trim().min(1, 'Укажите ID интеграции').meta({ title: 'ID интеграции', description: 'Из карточки интеграции в AmoCRM («Ключи и доступы»).' }),
    clientSecret: secret('Секретный ключ', 'Из карточки интеграции в AmoCRM («Ключи и доступы»).'),
    baseUrl,
    redirectUri: z.string().optional().meta({ title: 'Адрес перенаправления', description: 'Заполняется при подключении; тот же адрес указан в настройках интеграции AmoCRM.', readOnly: true }),
    accessToken: optionalSecret('Токен доступа', 'Заполняется автоматически после разрешения доступа.'),
    refreshToken: optionalSecret('Токен обновления', 'Заполняется автоматически; меняется при каждом обновлении.'),
    expiresAt: z.number().int().optional().meta({ title: 'Токен действует до', description: 'Метка времени в секундах; заполняется автоматически.', readOnly: true }),
  })
  .meta({ title: 'OAuth 2.0' });

export const amoCredentialsSchema = z.discriminatedUnion('authType', [tokenCredentialsSchema, oauthCredentialsSchema], {
  error: 'Выберите способ подключения: долгосрочный токен или OAuth 2.0',
});

export type AmoCredentials = z.infer<typeof amoCredentialsSchema>;
export type AmoOAuthCredentials = z.infer<typeof oauthCredentialsSchema>;

/** The account's API origin: `baseUrl` when set (Kommo, the simulator), else the amoCRM.ru host. */
export function apiBase(c: Pick<AmoCredentials, 'subdomain' | 'baseUrl'>): string {
  if (c.baseUrl) return c.baseUrl.replace(/\/+$/, '');
  return `https://${c.subdomain}.amocrm.ru`;
}

/** The account's host: the rate limit belongs to the account, whichever connection reaches it. */
export function accountHost(c: Pick<AmoCredentials, 'subdomain' | 'baseUrl'>): string {
  return new URL(apiBase(c)).host.toLowerCase();
}
