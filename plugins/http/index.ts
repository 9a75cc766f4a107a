import { definePlugin } from '../../core/sdk/index.ts';
import { httpConnection } from './credentials.connection.ts';
import { requestAction } from './request.action.ts';

export default definePlugin({
  id: 'http',
  title: 'HTTP',
  description: 'Запросы к любым HTTP API',
  version: '1.0.0',
  connection: httpConnection,
  nodes: [requestAction],
});
