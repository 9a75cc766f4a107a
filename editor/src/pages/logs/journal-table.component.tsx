import { Fragment, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { Flex, Link, Table, Text } from '@radix-ui/themes';
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import type { LogEntry } from '../../api/logs.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { logSourceLabel } from '../../components/status-labels.constants.ts';
import { JsonViewer } from '../../components/json-viewer.component.tsx';
import { formatDateTime, shortId } from '../../components/date-format.util.ts';

function hasContext(entry: LogEntry): boolean {
  const c = entry.context;
  if (c === null || c === undefined) return false;
  return typeof c !== 'object' || Object.keys(c as object).length > 0;
}

/** Operation log lines; a line unfolds into its context and links to the run and rule. */
export function JournalTable({ entries, dimmed }: { entries: LogEntry[]; dimmed: boolean }) {
  const location = useLocation();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.Root variant="surface" className={`table logs-table table-cards${dimmed ? ' dimmed' : ''}`} data-testid="journal-table">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell width="32px" />
          <Table.ColumnHeaderCell>Время</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Уровень</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Источник</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Сообщение</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {entries.map((e) => {
          const isOpen = open.has(e.id);
          return (
            <Fragment key={e.id}>
              <Table.Row
                align="center"
                className="clickable-row"
                tabIndex={0}
                onClick={() => toggle(e.id)}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    toggle(e.id);
                  }
                }}
              >
                <Table.Cell className="card-hide">
                  {/* A table row may not carry aria-expanded: the state is the chevron button's. */}
                  <button
                    type="button"
                    className="row-chevron row-disclosure"
                    aria-expanded={isOpen}
                    aria-label={isOpen ? 'Свернуть запись' : 'Развернуть запись'}
                    tabIndex={-1}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      toggle(e.id);
                    }}
                  >
                    {isOpen ? <ChevronDownIcon /> : <ChevronRightIcon />}
                  </button>
                </Table.Cell>
                <Table.Cell className="card-title">
                  <Text className="nowrap">{formatDateTime(e.createdAt)}</Text>
                </Table.Cell>
                <Table.Cell className="card-corner">
                  <StatusBadge kind="log" value={e.level} />
                </Table.Cell>
                <Table.Cell data-label="Источник" className="card-inline">
                  <Text size="2" color="gray" className="nowrap" title={e.source}>
                    {logSourceLabel(e.source)}
                  </Text>
                </Table.Cell>
                <Table.Cell data-label="Сообщение">
                  <Text size="2" className={isOpen ? 'prewrap' : 'outcome-line'} as="div" style={{ maxWidth: 640 }} data-testid="journal-message">
                    {e.message}
                  </Text>
                </Table.Cell>
              </Table.Row>
              {isOpen ? (
                <Table.Row className="expanded-row">
                  <Table.Cell colSpan={5}>
                    <Flex direction="column" gap="3" className="fade-in" py="1">
                      {e.runId || e.workflowId ? (
                        <Flex gap="4" wrap="wrap">
                          {e.runId ? (
                            <Link asChild size="2">
                              <RouterLink to={`/logs/runs/${encodeURIComponent(e.runId)}`} state={{ from: location.pathname + location.search }}>
                                Открыть запуск {shortId(e.runId)}
                              </RouterLink>
                            </Link>
                          ) : null}
                          {e.workflowId ? (
                            <Link asChild size="2">
                              <RouterLink to={`/rules/${encodeURIComponent(e.workflowId)}`}>Открыть правило</RouterLink>
                            </Link>
                          ) : null}
                        </Flex>
                      ) : null}
                      {hasContext(e) ? (
                        <JsonViewer title="Контекст" value={e.context} maxHeight={320} />
                      ) : (
                        <Text size="1" color="gray">
                          Без дополнительного контекста
                        </Text>
                      )}
                    </Flex>
                  </Table.Cell>
                </Table.Row>
              ) : null}
            </Fragment>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
