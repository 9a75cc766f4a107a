import { definePlugin } from '../../core/sdk/index.ts';
import { catchTrigger } from './catch.trigger.ts';

export default definePlugin({
  id: 'webhook',
  title: 'Вебхук',
  description: 'Приём HTTP-запросов на адрес правила',
  version: '1.0.0',
  webhook: {
    parse: (req) => [{ type: 'webhook.request', data: { method: req.method, body: req.body, headers: req.headers, query: req.query } }],
  },
  nodes: [catchTrigger],
});
