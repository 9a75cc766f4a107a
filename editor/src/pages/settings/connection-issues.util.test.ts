import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { connectionFormErrors } from './connection-issues.util.ts';

const invalid = (fields: Record<string, string>) => new ApiError(400, { code: 'CREDENTIALS_INVALID', message: 'Проверьте данные подключения', details: { fields } });

describe('connectionFormErrors', () => {
  it('puts credential errors under the fields on screen and the name error under the name', () => {
    const out = connectionFormErrors(invalid({ name: 'Укажите название', 'credentials.subdomain': 'Укажите поддомен аккаунта' }), new Set(['subdomain', 'accessToken']));
    expect(out).toEqual({ name: 'Укажите название', fields: [{ path: 'subdomain', message: 'Укажите поддомен аккаунта', severity: 'error' }], general: null });
  });

  it('says what belongs to no visible field in the general message, never drops it', () => {
    const out = connectionFormErrors(invalid({ 'credentials.authType': 'Выберите способ подключения' }), new Set(['subdomain']));
    expect(out.fields).toEqual([]);
    expect(out.general).toBe('Выберите способ подключения');
    const mixed = connectionFormErrors(invalid({ 'credentials.subdomain': 'Укажите поддомен', credentials: 'Неверные данные' }), new Set(['subdomain']));
    expect(mixed.general).toBe('Неверные данные');
  });

  it('shows any other error as it is', () => {
    expect(connectionFormErrors(new ApiError(409, { code: 'CONNECTION_EXISTS', message: 'Подключение с таким названием уже есть' }), new Set()).general).toBe('Подключение с таким названием уже есть');
  });
});
