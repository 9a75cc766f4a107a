import { z } from 'zod';
import { defineAction, defineCondition, defineConnection, definePlugin, defineTrigger, renderTemplate, UserError, widget } from '../../core/sdk/index.ts';

/** A plugin that exists only for tests: it proves the SDK contract end to end. */
export const testPlugin = definePlugin({
  id: 'test_kit',
  title: 'Тестовый набор',
  description: 'Плагин только для тестов',
  version: '0.0.1',
  connection: defineConnection({
    title: 'Тестовый сервис',
    schema: z.object({ apiKey: z.string().min(3, 'Ключ слишком короткий'), region: z.string().default('ru') }),
    async test(credentials) {
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
  ],
});
