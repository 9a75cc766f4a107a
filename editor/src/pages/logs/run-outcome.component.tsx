import { useEffect, useState } from 'react';
import { Badge, Flex, Spinner, Text } from '@radix-ui/themes';
import type { Run } from '../../api/runs.api.ts';
import { runOutcome, type RunOutcome } from './run-outcome.util.ts';

/** `Date.now()` that ticks every second while `active` (a retry countdown is on screen). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

/** The outcome chip: «Выполнено», «Условие не подошло», «Повтор через 12 с, попытка 1 из 8»… */
export function OutcomeBadge({ outcome, size = '1' }: { outcome: RunOutcome; size?: '1' | '2' }) {
  return (
    <Badge color={outcome.color} size={size} variant="soft" radius="full" className="status-badge" data-testid="run-outcome" data-outcome={outcome.kind}>
      {outcome.kind === 'running' ? <Spinner size="1" /> : <span className="status-dot" aria-hidden />}
      {outcome.label}
    </Badge>
  );
}

/** A run's outcome with its one line under it, for tables and lists. */
export function RunOutcomeCell({ run, now }: { run: Run; now: number }) {
  const outcome = runOutcome(run, now);
  return (
    <Flex direction="column" gap="1" align="start" style={{ minWidth: 0 }}>
      <OutcomeBadge outcome={outcome} />
      {outcome.line ? (
        <Text
          size="1"
          color={outcome.kind === 'failed' ? 'red' : outcome.kind === 'retrying' ? 'amber' : 'gray'}
          className="outcome-line"
          title={outcome.line}
          data-testid="run-outcome-line"
        >
          {outcome.line}
        </Text>
      ) : null}
    </Flex>
  );
}
