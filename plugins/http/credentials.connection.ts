import { z } from 'zod';
import { defineConnection, widget } from '../../core/sdk/index.ts';

/** RFC 9110 token: what a header name (and a sane query key) may consist of. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const value = (title: string) => widget(z.string().min(1, 'Укажите значение').max(4096, 'Не длиннее 4096 символов'), 'secret').meta({ title });

/**
 * Reusable credentials for «HTTP-запрос»: stored encrypted like every connection, chosen per node,
 * never shown back. One of four shapes, by `type`.
 */
export const httpCredentialsSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('bearer').meta({ title: 'Bearer-токен' }), token: value('Токен') }).meta({ title: 'Bearer-токен' }),
    z.object({
      type: z.literal('basic').meta({ title: 'Логин и пароль (Basic)' }),
      username: z.string().min(1, 'Укажите логин').max(256, 'Не длиннее 256 символов').regex(/^[^:]*$/, 'Логин не может содержать двоеточие').meta({ title: 'Логин' }),
      password: value('Пароль'),
    }).meta({ title: 'Логин и пароль (Basic)' }),
    z.object({
      type: z.literal('header').meta({ title: 'Заголовок' }),
      name: z.string().trim().min(1, 'Укажите имя заголовка').max(100).regex(HEADER_NAME, 'Недопустимое имя заголовка').meta({ title: 'Имя заголовка', description: 'Например, X-Api-Key' }),
      value: value('Значение'),
    }).meta({ title: 'Заголовок' }),
    z.object({
      type: z.literal('query').meta({ title: 'Параметр адреса' }),
      name: z.string().trim().min(1, 'Укажите имя параметра').max(100).regex(HEADER_NAME, 'Недопустимое имя параметра').meta({ title: 'Имя параметра', description: 'Например, api_key' }),
      value: value('Значение'),
    }).meta({ title: 'Параметр адреса' }),
  ],
  { error: 'Выберите тип учётных данных: bearer, basic, header или query' },
);

export type HttpCredentials = z.infer<typeof httpCredentialsSchema>;

const DESCRIBE: Record<HttpCredentials['type'], (c: HttpCredentials) => string> = {
  bearer: () => 'Bearer-токен',
  basic: (c) => `Basic, логин ${(c as { username: string }).username}`,
  header: (c) => `заголовок ${(c as { name: string }).name}`,
  query: (c) => `параметр адреса ${(c as { name: string }).name}`,
};

export const httpConnection = defineConnection({
  title: 'Учётные данные HTTP',
  schema: httpCredentialsSchema,
  // There is no address to call: the schema has already checked the shape, so this only confirms it.
  async test({ credentials }) {
    return { account: DESCRIBE[credentials.type](credentials) };
  },
});
