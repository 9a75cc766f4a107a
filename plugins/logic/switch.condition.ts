import { z } from 'zod';
import { conditionGroupSchema, defineCondition, evaluateGroup, widget } from '../../core/sdk/index.ts';

const branchSchema = z.object({
  id: z.string().trim().min(1, 'Укажите идентификатор ветки').max(40).regex(/^[A-Za-z0-9_-]+$/, 'Латиница, цифры, _ и -').meta({ title: 'Идентификатор' }),
  name: z.string().trim().min(1, 'Укажите название ветки').max(100).meta({ title: 'Название' }),
  group: conditionGroupSchema,
});

export const switchNode = defineCondition({
  id: 'switch',
  title: 'Ветвление',
  description: 'Идёт по первой ветке, чьи условия выполнены, иначе — по ветке «Иначе».',
  props: z.object({
    branches: widget(
      z.array(branchSchema).min(1, 'Добавьте хотя бы одну ветку').max(20)
        .refine((b) => new Set(b.map((x) => x.id)).size === b.length, 'Идентификаторы веток должны различаться')
        .refine((b) => !b.some((x) => x.id === 'otherwise'), 'Идентификатор «otherwise» занят веткой «Иначе»'),
      'branches',
    ).meta({ title: 'Ветки' }),
  }),
  outputs: [],
  dynamicOutputs: { fromProp: 'branches', idKey: 'id', titleKey: 'name', extra: [{ id: 'otherwise', title: 'Иначе' }] },
  evaluate: ({ props, input }) => props.branches.find((b) => evaluateGroup(b.group, input))?.id ?? 'otherwise',
});
