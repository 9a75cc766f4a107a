import { describe, expect, it } from 'vitest';
import { entityLabel, linkLabel } from './entity-labels.util.ts';

describe('entity labels', () => {
  it('name records the way each CRM does', () => {
    const link = { a: { system: 'amocrm', type: 'lead', id: '123' }, b: { system: 'lptracker', type: 'lead', id: '456' } };
    expect(linkLabel(link)).toBe('AmoCRM сделка 123 ↔ LPTracker лид 456');
    expect(entityLabel({ system: 'amocrm', type: 'contact', id: '7' })).toBe('AmoCRM контакт 7');
  });

  it('use the plugin title when known and never show a raw type id', () => {
    expect(entityLabel({ system: 'bitrix24', type: 'deal', id: '5' }, { bitrix24: 'Битрикс24' })).toBe('Битрикс24 сделка 5');
    expect(entityLabel({ system: 'other', type: 'widget', id: '9' })).toBe('Другая система запись 9');
  });
});
