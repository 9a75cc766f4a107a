import { Link, useLocation, useNavigate } from 'react-router';
import { Code, Table, Text, Tooltip } from '@radix-ui/themes';
import type { Run } from '../../api/runs.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { formatDateTime, formatDuration, formatRelative } from '../../components/date-format.util.ts';

/** The runs list; a row opens the run. */
export function RunsTable({ runs, dimmed }: { runs: Run[]; dimmed: boolean }) {
  const navigate = useNavigate();
  const location = useLocation();
  const state = { from: location.pathname + location.search };
  const open = (id: string) => navigate(`/logs/runs/${encodeURIComponent(id)}`, { state });

  return (
    <Table.Root variant="surface" className={dimmed ? 'table dimmed' : 'table'}>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Правило</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Статус</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Версия</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Начало</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Длительность</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Ошибка</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {runs.map((run) => {
          const started = run.startedAt ?? run.createdAt;
          return (
            <Table.Row key={run.id} className="clickable-row" align="center" onClick={() => open(run.id)}>
              <Table.RowHeaderCell maxWidth="320px" className="truncate-cell">
                <Link
                  to={`/logs/runs/${encodeURIComponent(run.id)}`}
                  state={state}
                  className="row-link"
                  title={run.workflowName}
                  onClick={(e) => e.stopPropagation()}
                >
                  {run.workflowName || 'Без названия'}
                </Link>
              </Table.RowHeaderCell>
              <Table.Cell>
                <StatusBadge kind="run" value={run.status} />
              </Table.Cell>
              <Table.Cell>
                {run.version != null ? <Code variant="ghost">v{run.version}</Code> : <Text color="gray">—</Text>}
              </Table.Cell>
              <Table.Cell>
                <Tooltip content={formatRelative(started)}>
                  <Text className="nowrap">{formatDateTime(started)}</Text>
                </Tooltip>
              </Table.Cell>
              <Table.Cell>
                <Text className="nowrap" color={run.durationMs == null ? 'gray' : undefined}>
                  {run.status === 'running' && run.durationMs == null ? 'идёт…' : formatDuration(run.durationMs)}
                </Text>
              </Table.Cell>
              <Table.Cell maxWidth="360px">
                {run.error ? (
                  <Text color="red" size="2" truncate as="div" title={run.error.message}>
                    {run.error.message}
                  </Text>
                ) : (
                  <Text color="gray">—</Text>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
