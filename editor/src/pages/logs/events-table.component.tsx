import { Link, useLocation } from 'react-router';
import { Flex, Link as RadixLink, Table, Text, Tooltip } from '@radix-ui/themes';
import type { LogEvent } from '../../api/events.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { formatDateTime, formatRelative, plural } from '../../components/date-format.util.ts';

interface Props {
  events: LogEvent[];
  dimmed: boolean;
  onOpen: (event: LogEvent) => void;
}

/** Inbound webhook requests with what they were about; a row opens the details, run links open the runs. */
export function EventsTable({ events, dimmed, onOpen }: Props) {
  const location = useLocation();
  const from = location.pathname + location.search;
  return (
    <Table.Root variant="surface" className={`table logs-table table-cards${dimmed ? ' dimmed' : ''}`} data-testid="events-table">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell width="190px">Получено</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Правило</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Статус</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Содержимое</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Запуски</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {events.map((ev) => (
          <Table.Row
            key={ev.id}
            align="center"
            className="clickable-row"
            tabIndex={0}
            aria-label={`Событие от ${formatDateTime(ev.receivedAt)}, открыть подробности`}
            data-testid="event-row"
            data-event-id={ev.id}
            onClick={() => onOpen(ev)}
            onKeyDown={(e) => {
              if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                e.preventDefault();
                onOpen(ev);
              }
            }}
          >
            <Table.Cell className="card-title">
              <Tooltip content={formatRelative(ev.receivedAt)}>
                <Text className="nowrap">{formatDateTime(ev.receivedAt)}</Text>
              </Tooltip>
            </Table.Cell>
            <Table.Cell data-label="Правило" maxWidth="220px" className="truncate-cell">
              <Text weight="medium" title={ev.workflowName}>
                {ev.workflowName || 'Без названия'}
              </Text>
            </Table.Cell>
            <Table.Cell className="card-corner">
              <StatusBadge kind="event" value={ev.status} />
            </Table.Cell>
            <Table.Cell data-label="Содержимое" className="summary-cell">
              <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
                {ev.summary ? (
                  <Text size="2" className="payload-summary" title={ev.summary} data-testid="event-summary">
                    {ev.summary}
                  </Text>
                ) : (
                  <Text size="2" color="gray">
                    {ev.parsed === false ? 'Тело не разобрано' : 'Без содержимого'}
                  </Text>
                )}
                {ev.reason ? (
                  <Text size="1" color={ev.status === 'failed' ? 'red' : 'gray'} className="outcome-line" title={ev.reason}>
                    {ev.reason}
                  </Text>
                ) : null}
              </Flex>
            </Table.Cell>
            <Table.Cell data-label="Запуски" className="card-inline" justify="end">
              <EventRunsCell runIds={ev.runIds} from={from} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}

/** One run: a link to it; several: their count (the details list them all, with links). */
function EventRunsCell({ runIds, from }: { runIds: string[]; from: string }) {
  if (runIds.length === 0) return <Text color="gray">—</Text>;
  if (runIds.length > 1) return <Text className="nowrap">{`${runIds.length} ${plural(runIds.length, ['запуск', 'запуска', 'запусков'])}`}</Text>;
  return (
    <RadixLink asChild size="2">
      <Link
        to={`/logs/runs/${encodeURIComponent(runIds[0]!)}`}
        state={{ from }}
        className="nowrap"
        onClick={(e) => e.stopPropagation()}
        data-testid="event-run-link"
      >
        Открыть запуск
      </Link>
    </RadixLink>
  );
}
