import { z } from 'zod';
import { conditionGroupSchema, defineCondition, evaluateGroup } from '../../core/sdk/index.ts';

export const filterNode = defineCondition({
  id: 'filter',
  title: 'Фильтр',
  description: 'Продолжает, только если условия выполнены; иначе запуск завершается без ошибки.',
  props: z.object({ group: conditionGroupSchema }),
  outputs: [{ id: 'out', title: 'Далее' }],
  evaluate: ({ props, input }) => (evaluateGroup(props.group, input) ? 'out' : null),
});
