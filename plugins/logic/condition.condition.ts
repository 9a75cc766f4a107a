import { z } from 'zod';
import { conditionGroupSchema, defineCondition, evaluateGroup } from '../../core/sdk/index.ts';

export const conditionNode = defineCondition({
  id: 'condition',
  title: 'Условие',
  description: 'Выполняет проверки и ведёт по ветке «Да» или «Нет».',
  props: z.object({ group: conditionGroupSchema }),
  outputs: [
    { id: 'true', title: 'Да' },
    { id: 'false', title: 'Нет' },
  ],
  evaluate: ({ props, input }) => (evaluateGroup(props.group, input) ? 'true' : 'false'),
});
