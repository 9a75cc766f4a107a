import { definePlugin } from '../../core/sdk/index.ts';
import { conditionNode } from './condition.condition.ts';
import { filterNode } from './filter.condition.ts';
import { switchNode } from './switch.condition.ts';

export default definePlugin({
  id: 'logic',
  title: 'Логика',
  description: 'Условия, ветвления и фильтры',
  version: '1.0.0',
  nodes: [conditionNode, switchNode, filterNode],
});
