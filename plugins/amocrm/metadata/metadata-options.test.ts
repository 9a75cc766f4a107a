import { describe, expect, it } from 'vitest';
import type { AmoMetadata } from './amo-metadata.types.ts';
import { amoOptions, fieldTypesOf, summarizeMetadata } from './metadata-options.ts';

const META: AmoMetadata = {
  account: { id: 1, name: 'Тест', subdomain: 'test' },
  pipelines: [
    { id: 10, name: 'Продажи', isMain: true, statuses: [{ id: 101, name: 'Новая', type: 0, sort: 10 }, { id: 142, name: 'Успешно реализовано', type: 0, sort: 10000 }] },
    { id: 20, name: 'Опт', isMain: false, statuses: [{ id: 201, name: 'Заявка', type: 0, sort: 10 }, { id: 142, name: 'Успешно реализовано', type: 0, sort: 10000 }] },
  ],
  leadFields: [
    { id: 1, name: 'Город', type: 'select', code: null, enums: [{ id: 5, value: 'Сочи' }] },
    { id: 2, name: 'Дата', type: 'date', code: null, enums: null },
  ],
  contactFields: [{ id: 3, name: 'Телефон', type: 'multitext', code: 'PHONE', enums: [{ id: 6, value: 'WORK' }] }],
  users: [{ id: 7, name: 'Анна', email: '' }],
  taskTypes: [{ id: 1, name: 'Связаться' }],
};

describe('metadata option lists', () => {
  it('statuses of one pipeline have no group; of all pipelines, grouped; a bad pipeline value lists all', () => {
    expect(amoOptions.statuses!({ metadata: META, values: { pipelineId: '20' } })).toEqual([
      { value: 201, label: 'Заявка' },
      { value: 142, label: 'Успешно реализовано' },
    ]);
    expect(amoOptions.statuses!({ metadata: META, values: { pipelineId: '{{x}}' } }).map((s) => s.group)).toEqual(['Продажи', 'Продажи', 'Опт', 'Опт']);
  });

  it('fields by name, enums only for list fields; users without an email have no hint', () => {
    expect(amoOptions.leadFields!({ metadata: META, values: {} })).toEqual([
      { value: 'Город', label: 'Город', hint: 'список', data: { id: 1, type: 'select', enums: ['Сочи'] } },
      { value: 'Дата', label: 'Дата', hint: 'дата', data: { id: 2, type: 'date' } },
    ]);
    expect(amoOptions.contactFields!({ metadata: META, values: {} })[0]!.data).toEqual({ id: 3, type: 'multitext', code: 'PHONE' });
    expect(amoOptions.users!({ metadata: META, values: {} })).toEqual([{ value: 7, label: 'Анна' }]);
    expect(amoOptions.taskTypes!({ metadata: META, values: {} })).toEqual([{ value: 1, label: 'Связаться' }]);
  });

  it('counts for «Настройки» and field types for the webhook parser', () => {
    expect(summarizeMetadata(META).map((s) => s.count)).toEqual([2, 4, 2, 1, 1]);
    expect(fieldTypesOf(META)).toEqual(new Map([['1', 'select'], ['2', 'date'], ['3', 'multitext']]));
    expect(fieldTypesOf(undefined)).toBeUndefined();
  });
});
