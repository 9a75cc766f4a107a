import { Code, Flex, Table, Text, Tooltip } from '@radix-ui/themes';
import type { InboundEvent } from '../../api/workflows.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { formatDateTime, formatRelative } from '../../components/date-format.util.ts';

interface Props {
  events: InboundEvent[];
  dimmed: boolean;
  onOpen: (event: InboundEvent) => void;
}

/** Inbound webhook requests; a row opens the details. */
export function EventsTable({ events, dimmed, onOpen }: Props) {
  return (
    <Table.Root variant="surface" className={dimmed ? 'table dimmed' : 'table'}>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Получено</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Правило</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Статус</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Причина</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Запрос</Table.ColumnHeaderCell>
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
            onClick={() => onOpen(ev)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(ev);
              }
            }}
          >
            <Table.Cell>
              <Tooltip content={formatRelative(ev.receivedAt)}>
                <Text className="nowrap">{formatDateTime(ev.receivedAt)}</Text>
              </Tooltip>
            </Table.Cell>
            <Table.Cell maxWidth="240px" className="truncate-cell">
              <Text weight="medium" title={ev.workflowName}>
                {ev.workflowName || 'Без названия'}
              </Text>
            </Table.Cell>
            <Table.Cell>
              <StatusBadge kind="event" value={ev.status} />
            </Table.Cell>
            <Table.Cell maxWidth="260px">
              {ev.reason ? (
                <Text size="2" color="gray" truncate as="div" title={ev.reason}>
                  {ev.reason}
                </Text>
              ) : (
                <Text color="gray">—</Text>
              )}
            </Table.Cell>
            <Table.Cell maxWidth="240px">
              <Flex align="center" gap="2" style={{ minWidth: 0 }}>
                <Code variant="soft" color="gray">
                  {ev.method}
                </Code>
                <Text size="1" color="gray" truncate title={ev.contentType}>
                  {ev.contentType || 'без типа'}
                </Text>
              </Flex>
            </Table.Cell>
            <Table.Cell justify="end">
              <Text color={ev.runIds.length ? undefined : 'gray'}>{ev.runIds.length}</Text>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}
