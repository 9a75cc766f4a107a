import { Link, useLocation, useNavigate } from 'react-router';
import { Code, Table, Text, Tooltip } from '@radix-ui/themes';
import type { Run } from '../../api/runs.api.ts';
import { formatDateTime, formatDuration, formatRelative } from '../../components/date-format.util.ts';
import { needsClock } from './run-outcome.util.ts';
import { RunOutcomeCell, useNow } from './run-outcome.component.tsx';

/**
 * The runs list: when, which rule, what came of it. A row opens the run; the rule name opens the
 * rule. Below 900 px the rows become cards (logs.css).
 */
export function RunsTable({ runs, dimmed }: { runs: Run[]; dimmed: boolean }) {
  const navigate = useNavigate();
  const location = useLocation();
  const state = { from: location.pathname + location.search };
  const open = (id: string) => navigate(`/logs/runs/${encodeURIComponent(id)}`, { state });
  const now = useNow(needsClock(runs));

  return (
    <Table.Root variant="surface" className={`table logs-table table-cards${dimmed ? ' dimmed' : ''}`} data-testid="runs-table">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell width="190px">Когда</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Правило</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Итог</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell width="120px" justify="end">
            Длительность
          </Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {runs.map((run) => {
          const started = run.startedAt ?? run.createdAt;
          return (
            <Table.Row key={run.id} className="clickable-row" align="center" onClick={() => open(run.id)} data-testid="run-row" data-run-id={run.id}>
              <Table.Cell className="card-title">
                <Tooltip content={formatRelative(started)}>
                  <Link
                    to={`/logs/runs/${encodeURIComponent(run.id)}`}
                    state={state}
                    className="row-link nowrap"
                    aria-label={`Запуск от ${formatDateTime(started)}, правило «${run.workflowName || 'Без названия'}»: открыть`}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {formatDateTime(started)}
                  </Link>
                </Tooltip>
              </Table.Cell>
              <Table.Cell data-label="Правило" maxWidth="300px" className="truncate-cell">
                <span>
                <Link
                  to={`/rules/${encodeURIComponent(run.workflowId)}`}
                  className="plain-link"
                  title={`Открыть правило «${run.workflowName || 'Без названия'}» в редакторе`}
                  onClick={(e) => e.stopPropagation()}
                >
                  {run.workflowName || 'Без названия'}
                </Link>
                {run.version != null ? (
                  <Code variant="ghost" color="gray" size="1" ml="2">
                    v{run.version}
                  </Code>
                ) : null}
                </span>
              </Table.Cell>
              <Table.Cell data-label="Итог" className="outcome-cell">
                <RunOutcomeCell run={run} now={now} />
              </Table.Cell>
              <Table.Cell className="card-corner" justify="end">
                <Text className="nowrap" color={run.durationMs == null ? 'gray' : undefined}>
                  {run.status === 'running' ? 'идёт…' : formatDuration(run.durationMs)}
                </Text>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table.Root>
  );
}
