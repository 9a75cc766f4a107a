import { z } from 'zod';
import { connectionField, defineAction, defineCondition, defineConnection, definePlugin, defineTrigger, renderTemplate, UserError, widget } from '../../core/sdk/index.ts';

/** A plugin that exists only for tests: it proves the SDK contract end to end. */
export const testPlugin = definePlugin({
  id: 'test_kit',
  title: 'Тестовый набор',
  description: 'Плагин только для тестов',
  version: '0.0.1',
  connection: defineConnection({
    title: 'Тестовый сервис',
    schema: z.object({ apiKey: z.string().min(3, 'Ключ слишком короткий'), region: z.string().default('ru') }),
    async test({ credentials }) {
      if (credentials.apiKey !== 'good-key') throw new UserError('TEST_BAD_KEY', 'Неверный ключ API');
      return { account: 'тестовый аккаунт' };
    },
  }),
  nodes: [
    defineTrigger({
      id: 'ping',
      title: 'Пинг',
      description: 'Срабатывает на любое событие test_kit.ping',
      events: ['test_kit.ping'],
      props: z.object({ tag: z.string().default('').meta({ title: 'Метка' }) }),
      sample: { body: { hello: 'мир' } },
      match: (event, props) => !props.tag || event.data.tag === props.tag,
    }),
    defineCondition({
      id: 'is_even',
      title: 'Чётное',
      description: 'Проверяет чётность числа',
      props: z.object({ value: widget(z.union([z.number(), z.string()]), 'template').meta({ title: 'Число' }) }),
      outputs: [
        { id: 'true', title: 'Да' },
        { id: 'false', title: 'Нет' },
      ],
      evaluate: ({ props, input }) => (Number(renderTemplate(String(props.value), input)) % 2 === 0 ? 'true' : 'false'),
    }),
    defineAction({
      id: 'echo',
      title: 'Эхо',
      description: 'Возвращает свои свойства',
      props: z.object({ text: widget(z.string(), 'template').meta({ title: 'Текст' }), times: z.number().int().min(1).max(5).default(1) }),
      sample: { text: 'привет' },
      errorOutput: true,
      async run(ctx) {
        return { text: ctx.props.text.repeat(ctx.props.times) };
      },
    }),
    defineAction({
      id: 'whoami',
      title: 'Кто я',
      description: 'Возвращает регион подключения, выбранного в узле',
      needsConnection: true,
      props: z.object({ connectionId: connectionField() }),
      sample: { region: 'ru' },
      async run(ctx) {
        return { region: (ctx.connection as { region: string }).region };
      },
    }),
  ],
});

/**
 * A plugin whose parser has a bug for some payloads: it throws a TypeError (not an AppError) when
 * the body asks for it. Used to prove one bad event never costs the others of its batch.
 */
export const poisonPlugin = definePlugin({
  id: 'poison',
  title: 'Ядовитый',
  description: 'Плагин только для тестов: парсер падает на части событий',
  version: '0.0.1',
  webhook: {
    parse(request) {
      const body = request.body as { poison?: boolean; n?: number };
      if (body?.poison) throw new TypeError("Cannot read properties of undefined (reading 'lead')");
      return [{ type: 'poison.ping', data: { n: body?.n ?? null } }];
    },
  },
  nodes: [
    defineTrigger({
      id: 'ping',
      title: 'Пинг',
      description: 'Любое событие',
      events: ['poison.ping'],
      props: z.object({}),
      match: () => true,
    }),
  ],
});
