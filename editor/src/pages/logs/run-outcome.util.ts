import type { Run } from '../../api/runs.api.ts';
import type { BadgeColor } from '../../components/status-labels.constants.ts';

/** What a salesperson reads about a run: «дошла ли моя сделка?» */
export type OutcomeKind = 'done' | 'filtered' | 'failed' | 'retrying' | 'cancelled' | 'skipped' | 'running' | 'queued';

export interface RunOutcome {
  kind: OutcomeKind;
  /** The badge: «Выполнено», «Условие не подошло», «Повтор через 12 с, попытка 1 из 8»… */
  label: string;
  /** Calm colours: only a real error is red; a filtered or cancelled run is neutral. */
  color: BadgeColor;
  /** The one line under the badge: the result («лид создан: 12345»), the reason or the error. */
  line: string | null;
  /** The error's code, for a «Подробности» disclosure only (never in the headline). */
  code: string | null;
}

type RunFacts = Pick<Run, 'status' | 'verdict' | 'summary' | 'error' | 'attempts' | 'maxAttempts' | 'nextAttemptAt'>;

/** «Попытка 2 из 8», the same number the steps carry; null before the first attempt. */
export function attemptText(run: Pick<Run, 'attempts' | 'maxAttempts'>): string | null {
  if (!run.attempts || run.attempts < 1) return null;
  return run.maxAttempts ? `Попытка ${run.attempts} из ${run.maxAttempts}` : `Попытка ${run.attempts}`;
}

/** «через 12 с», «через 2 мин 5 с», «через 1 ч 4 мин»; «сейчас» once the time has come. */
export function waitText(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 500) return 'сейчас';
  const sec = Math.ceil(ms / 1000);
  if (sec < 60) return `через ${sec} с`;
  const min = Math.floor(sec / 60);
  if (min < 60) return sec % 60 ? `через ${min} мин ${sec % 60} с` : `через ${min} мин`;
  const h = Math.floor(min / 60);
  return min % 60 ? `через ${h} ч ${min % 60} мин` : `через ${h} ч`;
}

const errorCode = (run: RunFacts) => (run.error?.code && run.error.code !== 'CANCELLED' ? run.error.code : null);

/**
 * The one mapping from a run to its label, colour and line, used by the runs table, the run's
 * header and the event dialog. `now` makes the retry countdown tick (pass Date.now() each second).
 */
export function runOutcome(run: RunFacts, now: number): RunOutcome {
  if (run.status === 'running') {
    const attempt = run.attempts > 1 ? attemptText(run) : null;
    return { kind: 'running', label: 'В работе', color: 'blue', line: attempt ? `${attempt}, предыдущая не удалась` : null, code: null };
  }
  if (run.status === 'queued') {
    if (run.verdict === 'retrying' || run.nextAttemptAt) {
      const at = run.nextAttemptAt ? Date.parse(run.nextAttemptAt) : NaN;
      const when = Number.isNaN(at) ? 'скоро' : waitText(at - now);
      const attempt = attemptText(run)?.toLowerCase();
      return {
        kind: 'retrying',
        label: `Повтор ${when}${attempt ? `, ${attempt}` : ''}`,
        color: 'amber',
        line: run.summary ?? run.error?.message ?? 'Временная ошибка',
        code: errorCode(run),
      };
    }
    return { kind: 'queued', label: 'В очереди', color: 'gray', line: null, code: null };
  }
  if (run.status === 'cancelled' || run.verdict === 'cancelled') {
    return { kind: 'cancelled', label: 'Отменено', color: 'gray', line: run.summary ?? 'Отменён пользователем', code: null };
  }
  if (run.verdict === 'filtered') {
    return { kind: 'filtered', label: 'Условие не подошло', color: 'gray', line: run.summary, code: null };
  }
  if (run.status === 'failed' || run.verdict === 'failed') {
    return { kind: 'failed', label: 'Ошибка', color: 'red', line: run.error?.message ?? run.summary ?? 'Причина не записана', code: errorCode(run) };
  }
  if (run.status === 'skipped') {
    return { kind: 'skipped', label: 'Пропущено', color: 'gray', line: run.summary, code: null };
  }
  return { kind: 'done', label: 'Выполнено', color: 'green', line: run.summary, code: null };
}

/** Whether a list of runs needs a ticking clock (a countdown to a retry is on screen). */
export const needsClock = (runs: Pick<Run, 'status' | 'verdict' | 'nextAttemptAt'>[]) =>
  runs.some((r) => r.status === 'queued' && (r.verdict === 'retrying' || r.nextAttemptAt));
