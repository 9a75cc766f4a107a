import { Badge, DropdownMenu, Flex, IconButton, Table, Text, Tooltip } from '@radix-ui/themes';
import { DotsHorizontalIcon } from '@radix-ui/react-icons';
import { Link } from 'react-router';
import type { WorkflowSummary } from '../../api/workflows.api.ts';
import { WorkflowStatusBadge } from './workflow-status.badge.tsx';
import { RUN_STATUS } from '../../components/status-labels.constants.ts';
import { FailureStats } from '../../components/failure-stats.component.tsx';
import { formatDateTime, formatRelative } from './workflow-format.util.ts';

export interface RowActions {
  open(w: WorkflowSummary): void;
  rename(w: WorkflowSummary): void;
  duplicate(w: WorkflowSummary): void;
  exportOne(w: WorkflowSummary): void;
  remove(w: WorkflowSummary): void;
}

interface Props {
  items: WorkflowSummary[];
  triggerTitle: (type: string) => string;
  actions: RowActions;
}

function LastRun({ run }: { run: WorkflowSummary['lastRun'] }) {
  if (!run) return <Text color="gray">Ещё не запускалось</Text>;
  const s = RUN_STATUS[run.status] ?? RUN_STATUS.queued;
  return (
    <Flex gap="2" align="center">
      <Tooltip content={formatDateTime(run.createdAt)}>
        <Text size="2">{formatRelative(run.createdAt)}</Text>
      </Tooltip>
      <Badge color={s.color} variant="soft" size="1">
        {s.label}
      </Badge>
    </Flex>
  );
}

export function WorkflowsTable({ items, triggerTitle, actions }: Props) {
  return (
    <Table.Root variant="surface" className="rules-table" data-testid="rules-table">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Название</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Статус</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Триггер</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Последний запуск</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Запуски за 24 ч</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Ошибки за 24 ч</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell width="48px">
            <span className="visually-hidden">Действия</span>
          </Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {items.map((w) => (
          <Table.Row key={w.id} align="center" className="rules-row" data-testid={`rule-row-${w.id}`}>
            <Table.RowHeaderCell>
              <Link to={`/rules/${w.id}`} className="rules-name-link" data-testid={`rule-open-${w.id}`}>
                {w.name}
              </Link>
              {w.description && (
                <Text as="div" size="1" color="gray" className="rules-description">
                  {w.description}
                </Text>
              )}
            </Table.RowHeaderCell>
            <Table.Cell>
              <WorkflowStatusBadge workflow={w} />
            </Table.Cell>
            <Table.Cell>{w.triggerType ? triggerTitle(w.triggerType) : <Text color="gray">Не задан</Text>}</Table.Cell>
            <Table.Cell>
              <LastRun run={w.lastRun} />
            </Table.Cell>
            <Table.Cell justify="end">{w.stats24h?.runs ?? 0}</Table.Cell>
            <Table.Cell justify="end">
              <FailureStats failed={w.stats24h?.failed ?? 0} retrying={w.stats24h?.retrying ?? 0} workflowId={w.id} />
            </Table.Cell>
            <Table.Cell>
              <DropdownMenu.Root>
                <DropdownMenu.Trigger>
                  <IconButton variant="ghost" color="gray" aria-label={`Действия с правилом «${w.name}»`} data-testid={`rule-actions-${w.id}`}>
                    <DotsHorizontalIcon />
                  </IconButton>
                </DropdownMenu.Trigger>
                <DropdownMenu.Content align="end">
                  <DropdownMenu.Item onSelect={() => actions.open(w)}>Открыть в редакторе</DropdownMenu.Item>
                  <DropdownMenu.Item onSelect={() => actions.rename(w)} data-testid="rule-action-rename">
                    Переименовать
                  </DropdownMenu.Item>
                  <DropdownMenu.Item onSelect={() => actions.duplicate(w)} data-testid="rule-action-duplicate">
                    Дублировать
                  </DropdownMenu.Item>
                  <DropdownMenu.Item onSelect={() => actions.exportOne(w)} data-testid="rule-action-export">
                    Экспорт в JSON
                  </DropdownMenu.Item>
                  <DropdownMenu.Separator />
                  <DropdownMenu.Item color="red" onSelect={() => actions.remove(w)} data-testid="rule-action-delete">
                    Удалить
                  </DropdownMenu.Item>
                </DropdownMenu.Content>
              </DropdownMenu.Root>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}
