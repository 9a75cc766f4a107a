import { describe, expect, it } from 'vitest';
import { attemptText, needsClock, runOutcome, waitText } from './run-outcome.util.ts';
import type { Run } from '../../api/runs.api.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const base: Pick<Run, 'status' | 'verdict' | 'summary' | 'error' | 'attempts' | 'maxAttempts' | 'nextAttemptAt'> = {
  status: 'succeeded', verdict: 'done', summary: null, error: null, attempts: 1, maxAttempts: 8, nextAttemptAt: null,
};
const at = (secondsFromNow: number) => new Date(NOW + secondsFromNow * 1000).toISOString();

describe('runOutcome', () => {
  it('a run that did its job reads «Выполнено» with what it produced', () => {
    expect(runOutcome({ ...base, summary: 'Лид создан: 12345' }, NOW)).toEqual({ kind: 'done', label: 'Выполнено', color: 'green', line: 'Лид создан: 12345', code: null });
  });

  it('a condition that did not match is neutral, neither green nor red', () => {
    const o = runOutcome({ ...base, verdict: 'filtered', summary: 'Условие «Город Краснодар» не подошло' }, NOW);
    expect(o).toMatchObject({ kind: 'filtered', label: 'Условие не подошло', color: 'gray', line: 'Условие «Город Краснодар» не подошло' });
  });

  it('an error is red with its reason; the code is kept apart for «Подробности»', () => {
    const o = runOutcome({ ...base, status: 'failed', verdict: 'failed', summary: 'Сервер отклонил запрос: 422', error: { code: 'HTTP_CLIENT_ERROR', message: 'Сервер отклонил запрос: 422' } }, NOW);
    expect(o).toEqual({ kind: 'failed', label: 'Ошибка', color: 'red', line: 'Сервер отклонил запрос: 422', code: 'HTTP_CLIENT_ERROR' });
    expect(o.label).not.toContain('HTTP_CLIENT_ERROR');
  });

  it('a run waiting for its retry counts down to the next attempt, amber, with the attempt made', () => {
    const run = { ...base, status: 'queued' as const, verdict: 'retrying' as const, attempts: 3, summary: 'Сервер недоступен: 503', error: { code: 'HTTP_SERVER_ERROR', message: 'Сервер недоступен: 503' }, nextAttemptAt: at(12) };
    expect(runOutcome(run, NOW)).toEqual({ kind: 'retrying', label: 'Повтор через 12 с, попытка 3 из 8', color: 'amber', line: 'Сервер недоступен: 503', code: 'HTTP_SERVER_ERROR' });
    expect(runOutcome(run, NOW + 5_000).label).toBe('Повтор через 7 с, попытка 3 из 8');
    expect(runOutcome(run, NOW + 12_000).label).toBe('Повтор сейчас, попытка 3 из 8');
    expect(runOutcome({ ...run, nextAttemptAt: at(125) }, NOW).label).toBe('Повтор через 2 мин 5 с, попытка 3 из 8');
  });

  it('a cancelled run is neutral, not an error, and shows no «CANCELLED» code', () => {
    const o = runOutcome({ ...base, status: 'cancelled', verdict: 'cancelled', summary: 'Отменён пользователем', error: { code: 'CANCELLED', message: 'Отменён пользователем' } }, NOW);
    expect(o).toEqual({ kind: 'cancelled', label: 'Отменено', color: 'gray', line: 'Отменён пользователем', code: null });
  });

  it('running and queued runs', () => {
    expect(runOutcome({ ...base, status: 'running', verdict: null }, NOW)).toMatchObject({ kind: 'running', label: 'В работе', color: 'blue', line: null });
    // A retry being executed: the verdict of the wait is still there, the status wins.
    expect(runOutcome({ ...base, status: 'running', verdict: 'retrying', attempts: 2, nextAttemptAt: at(-3) }, NOW)).toMatchObject({ kind: 'running', line: 'Попытка 2 из 8, предыдущая не удалась' });
    expect(runOutcome({ ...base, status: 'queued', verdict: null, attempts: 0 }, NOW)).toMatchObject({ kind: 'queued', label: 'В очереди', color: 'gray' });
  });

  it('runs settled before verdicts existed read from their status', () => {
    expect(runOutcome({ ...base, verdict: null }, NOW)).toMatchObject({ kind: 'done', label: 'Выполнено' });
    expect(runOutcome({ ...base, verdict: null, status: 'failed', error: { code: 'X', message: 'Сбой' } }, NOW)).toMatchObject({ kind: 'failed', line: 'Сбой' });
    expect(runOutcome({ ...base, verdict: null, status: 'skipped' }, NOW)).toMatchObject({ kind: 'skipped', color: 'gray' });
  });
});

describe('attempts and waits', () => {
  it('attemptText matches the step numbers', () => {
    expect(attemptText({ attempts: 2, maxAttempts: 8 })).toBe('Попытка 2 из 8');
    expect(attemptText({ attempts: 0, maxAttempts: 8 })).toBeNull();
  });

  it('waitText', () => {
    expect(waitText(400)).toBe('сейчас');
    expect(waitText(58_200)).toBe('через 59 с');
    expect(waitText(60_000)).toBe('через 1 мин');
    expect(waitText(3_600_000 + 4 * 60_000)).toBe('через 1 ч 4 мин');
  });

  it('a clock ticks only while a countdown is shown', () => {
    expect(needsClock([{ status: 'succeeded', verdict: 'done', nextAttemptAt: null }])).toBe(false);
    expect(needsClock([{ status: 'queued', verdict: 'retrying', nextAttemptAt: at(5) }])).toBe(true);
  });
});
