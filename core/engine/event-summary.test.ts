import { describe, expect, it } from 'vitest';
import { summarizePayload } from './event-summary.ts';

describe('summarizePayload', () => {
  it('puts names, phones and cities first', () => {
    expect(summarizePayload({ note: 'x', lead: { city: 'Краснодар', name: 'Иван Петров', phone: '+79181234567' } }))
      .toBe('name: Иван Петров · phone: +79181234567 · city: Краснодар · note: x');
  });

  it('reads AmoCRM form bodies and caps the length', () => {
    const s = summarizePayload({ leads: { status: [{ id: '5', name: 'Сделка', status_id: '142', pipeline_id: '9' }] }, account: { subdomain: 'x' } });
    expect(s).toBe('name: Сделка · id: 5 · status_id: 142 · pipeline_id: 9 · subdomain: x');
    expect(summarizePayload({ text: 'я'.repeat(500) })!.length).toBeLessThanOrEqual(200);
    expect(summarizePayload(null)).toBeNull();
  });
});
