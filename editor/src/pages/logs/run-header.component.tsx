import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Callout, Card, Code, DataList, Flex, Heading, Link, Spinner, Text } from '@radix-ui/themes';
import {
  CheckCircledIcon, ClockIcon, CrossCircledIcon, InfoCircledIcon, Link2Icon, MinusCircledIcon, UpdateIcon,
} from '@radix-ui/react-icons';
import type { EntityRef, RunDetail } from '../../api/runs.api.ts';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { DetailsDisclosure } from '../../components/details-disclosure.component.tsx';
import { formatDateTime, formatDuration, shortId } from '../../components/date-format.util.ts';
import { attemptText, type RunOutcome } from './run-outcome.util.ts';
import { entityLabel } from './entity-labels.util.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.Label minWidth="110px">{label}</DataList.Label>
      <DataList.Value>{children}</DataList.Value>
    </DataList.Item>
  );
}

const CALLOUT: Record<RunOutcome['kind'], { color: 'green' | 'gray' | 'red' | 'amber' | 'blue'; icon: ReactNode }> = {
  done: { color: 'green', icon: <CheckCircledIcon /> },
  filtered: { color: 'gray', icon: <MinusCircledIcon /> },
  failed: { color: 'red', icon: <CrossCircledIcon /> },
  retrying: { color: 'amber', icon: <UpdateIcon /> },
  cancelled: { color: 'gray', icon: <InfoCircledIcon /> },
  skipped: { color: 'gray', icon: <InfoCircledIcon /> },
  running: { color: 'blue', icon: <Spinner size="1" /> },
  queued: { color: 'gray', icon: <ClockIcon /> },
};

/** What a line under the outcome adds, per outcome. */
const HINT: Partial<Record<RunOutcome['kind'], string>> = {
  filtered: 'Действия правила не выполнялись: событие не подошло под условие.',
  retrying: 'Ошибка временная: запуск продолжится сам с шага, где остановился.',
  cancelled: 'Оставшиеся шаги не выполнялись.',
  queued: 'Запуск ждёт свободного обработчика.',
};

/** The outcome in words: what happened, the one line, and the error code folded into «Подробности». */
function OutcomeCallout({ outcome }: { outcome: RunOutcome }) {
  const look = CALLOUT[outcome.kind];
  return (
    <Callout.Root color={look.color} variant="surface" role={outcome.kind === 'failed' ? 'alert' : 'status'} data-testid="run-outcome-callout" data-outcome={outcome.kind}>
      <Callout.Icon>{look.icon}</Callout.Icon>
      <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
        <Text size="2" weight="bold">
          {outcome.label}
        </Text>
        {outcome.line ? (
          <Text size="2" className="prewrap" data-testid="run-summary">
            {outcome.line}
          </Text>
        ) : null}
        {HINT[outcome.kind] ? (
          <Text size="1" color="gray">
            {HINT[outcome.kind]}
          </Text>
        ) : null}
        {outcome.code ? (
          <DetailsDisclosure>
            <Text size="1" color="gray">
              Код ошибки для поддержки: <Code variant="ghost">{outcome.code}</Code>
            </Text>
          </DetailsDisclosure>
        ) : null}
      </Flex>
    </Callout.Root>
  );
}

/** Facts about a run: outcome, rule, version, event, attempts, duration, and the records it linked. */
export function RunHeader({ run, outcome, systemTitles }: { run: RunDetail; outcome: RunOutcome; systemTitles: Record<string, string> }) {
  const links = run.links ?? [];
  return (
    <Flex direction="column" gap="4" mb="6">
      <OutcomeCallout outcome={outcome} />
      <Card size="3">
        <div className="meta-grid">
          <DataList.Root size="2">
            <Item label="Правило">
              <Link asChild>
                <RouterLink to={`/rules/${encodeURIComponent(run.workflowId)}`} data-testid="run-rule-link">
                  {run.workflowName || 'Без названия'}
                </RouterLink>
              </Link>
            </Item>
            <Item label="Версия">{run.version != null ? `v${run.version}` : '—'}</Item>
            <Item label="Попытка">
              <span data-testid="run-attempt">{attemptText(run) ?? 'Ещё не выполнялся'}</span>
            </Item>
          </DataList.Root>
          <DataList.Root size="2">
            <Item label="Создан">{formatDateTime(run.createdAt)}</Item>
            <Item label="Завершён">{formatDateTime(run.finishedAt)}</Item>
            <Item label="Длительность">
              <Flex direction="column">
                <span>{run.status === 'running' ? 'идёт…' : formatDuration(run.durationMs)}</span>
                {run.attempts > 1 && run.durationMs != null ? (
                  <Text size="1" color="gray">
                    последней попытки, без ожидания
                  </Text>
                ) : null}
              </Flex>
            </Item>
          </DataList.Root>
          <DataList.Root size="2">
            <Item label="Событие">
              {run.eventId ? (
                <Link asChild>
                  <RouterLink to={`/logs/events?id=${encodeURIComponent(run.eventId)}`} data-testid="run-event-link" title={run.eventId}>
                    {run.replayOf ? 'Повтор события' : 'Открыть событие'} <span className="mono">{shortId(run.eventId)}</span>
                  </RouterLink>
                </Link>
              ) : (
                <Text color="gray">—</Text>
              )}
            </Item>
            <Item label="Запуск">
              <Flex align="center" gap="2">
                <Code variant="ghost" title={run.id}>
                  {shortId(run.id)}
                </Code>
                <CopyButton text={run.id} label="Копировать идентификатор запуска" />
              </Flex>
            </Item>
          </DataList.Root>
        </div>
      </Card>
      {links.length ? (
        <Flex direction="column" gap="2" data-testid="run-links">
          <Heading as="h2" size="3">
            Связанные записи
          </Heading>
          <Text size="2" color="gray">
            Эти записи в разных системах запуск связал как одну и ту же.
          </Text>
          {links.map((l, i) => (
            <Flex key={i} align="center" gap="2" className="run-link-row">
              <Link2Icon aria-hidden />
              <Text size="2">
                <EntityName entity={l.a} titles={systemTitles} /> ↔ <EntityName entity={l.b} titles={systemTitles} />
              </Text>
            </Flex>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** A linked record: its card in the service when it has an address, its name otherwise. */
function EntityName({ entity, titles }: { entity: EntityRef; titles: Record<string, string> }) {
  const label = entityLabel(entity, titles);
  if (!entity.url) return <>{label}</>;
  return (
    <Link href={entity.url} target="_blank" rel="noopener noreferrer" data-testid="run-link-url">
      {label}
    </Link>
  );
}
