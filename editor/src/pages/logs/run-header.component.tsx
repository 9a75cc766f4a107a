import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Callout, Card, Code, DataList, Flex, Link, Text } from '@radix-ui/themes';
import { CrossCircledIcon } from '@radix-ui/react-icons';
import type { Run } from '../../api/runs.api.ts';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { formatDateTime, formatDuration, shortId } from '../../components/date-format.util.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.Label minWidth="120px">{label}</DataList.Label>
      <DataList.Value>{children}</DataList.Value>
    </DataList.Item>
  );
}

function IdValue({ id, label }: { id: string | null; label: string }) {
  if (!id) return <Text color="gray">—</Text>;
  return (
    <Flex align="center" gap="2">
      <Code variant="ghost" title={id}>
        {shortId(id)}
      </Code>
      <CopyButton text={id} label={label} />
    </Flex>
  );
}

/** Facts about a run: rule, version, times, attempts and its error. */
export function RunHeader({ run }: { run: Run }) {
  return (
    <Flex direction="column" gap="4" mb="6">
      {run.error ? (
        <Callout.Root color="red" variant="surface" role="alert">
          <Callout.Icon>
            <CrossCircledIcon />
          </Callout.Icon>
          <Callout.Text>
            <strong>{run.error.message}</strong>
            {run.error.code ? (
              <Text as="span" color="gray" size="1">
                {'  '}
                <Code variant="ghost" color="gray">
                  {run.error.code}
                </Code>
              </Text>
            ) : null}
          </Callout.Text>
        </Callout.Root>
      ) : null}
      <Card size="3">
        <div className="meta-grid">
          <DataList.Root size="2">
            <Item label="Правило">
              <Link asChild>
                <RouterLink to={`/rules/${encodeURIComponent(run.workflowId)}`}>{run.workflowName || 'Без названия'}</RouterLink>
              </Link>
            </Item>
            <Item label="Версия">{run.version != null ? `v${run.version}` : '—'}</Item>
            <Item label="Попыток">{run.attempts}</Item>
          </DataList.Root>
          <DataList.Root size="2">
            <Item label="Создан">{formatDateTime(run.createdAt)}</Item>
            <Item label="Начат">{formatDateTime(run.startedAt)}</Item>
            <Item label="Завершён">{formatDateTime(run.finishedAt)}</Item>
          </DataList.Root>
          <DataList.Root size="2">
            <Item label="Длительность">{formatDuration(run.durationMs)}</Item>
            <Item label="Запуск">
              <IdValue id={run.id} label="Копировать ID запуска" />
            </Item>
            <Item label="Событие">
              <IdValue id={run.eventId} label="Копировать ID события" />
            </Item>
          </DataList.Root>
        </div>
      </Card>
    </Flex>
  );
}
