import { describe, expect, it } from 'vitest';
import { entityLabel, linkLabel } from './entity-labels.util.ts';

describe('entity labels', () => {
  it('name records in the words the server sends for each CRM', () => {
    const link = {
      a: { system: 'amocrm', type: 'lead', id: '123', systemTitle: 'AmoCRM', typeTitle: 'сделка' },
      b: { system: 'lptracker', type: 'lead', id: '456', systemTitle: 'LPTracker', typeTitle: 'лид' },
    };
    expect(linkLabel(link)).toBe('AmoCRM сделка 123 ↔ LPTracker лид 456');
  });

  it('fall back to the plugin title and never show a raw type id', () => {
    expect(entityLabel({ system: 'bitrix24', type: 'deal', id: '5' }, { bitrix24: 'Битрикс24' })).toBe('Битрикс24 запись 5');
    expect(entityLabel({ system: 'other', type: 'widget', id: '9' })).toBe('Другая система запись 9');
  });
});
