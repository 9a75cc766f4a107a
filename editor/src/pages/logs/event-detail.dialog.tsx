import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { Badge, Button, Callout, Code, DataList, Dialog, Flex, Link, Tabs, Text } from '@radix-ui/themes';
import { CheckCircledIcon, InfoCircledIcon, ReloadIcon } from '@radix-ui/react-icons';
import { canReplay, eventsApi, type LogEvent } from '../../api/events.api.ts';
import type { Run } from '../../api/runs.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { JsonViewer } from '../../components/json-viewer.component.tsx';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.component.tsx';
import { formatDateTime, shortId } from '../../components/date-format.util.ts';
import { EventRuns } from './event-runs.component.tsx';

interface Props {
  /** Stays set while the dialog animates out. */
  event: LogEvent | null;
  open: boolean;
  onClose: () => void;
  /** A replay created runs: the list should refresh. */
  onReplayed: () => void;
}

/**
 * Details of an inbound request: what it was about, its runs with their outcomes, headers, query,
 * body and «Повторить событие» (only for a body that was read: a malformed one has nothing to replay).
 */
export function EventDetailDialog({ event, open, onClose, onReplayed }: Props) {
  const location = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [replayed, setReplayed] = useState<{ eventId: string; runs: Run[] } | null>(null);
  const from = location.pathname + location.search;

  const replay = async () => {
    if (!event) return;
    const res = await eventsApi.replay(event.id);
    setReplayed({ eventId: event.id, runs: res.runs });
    onReplayed();
  };

  const newRuns = replayed && event && replayed.eventId === event.id ? replayed.runs : null;

  return (
    <Dialog.Root open={open && event !== null} onOpenChange={(o) => (o ? undefined : onClose())}>
      <Dialog.Content
        maxWidth="860px"
        aria-describedby={undefined}
        // Focus the dialog itself, not its first button: a copy button's tooltip would pop up over the facts.
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          (e.currentTarget as HTMLElement | null)?.focus();
        }}
      >
        {event ? (
          <Flex direction="column" gap="4">
            <Flex justify="between" align="start" gap="3" wrap="wrap">
              <Flex direction="column" gap="1">
                <Dialog.Title mb="0">Входящее событие</Dialog.Title>
                <Text size="2" color="gray">
                  {formatDateTime(event.receivedAt)} · {event.workflowName || 'Без названия'}
                </Text>
              </Flex>
              {canReplay(event) ? (
                <Button onClick={() => setConfirming(true)} data-testid="event-replay">
                  <ReloadIcon /> Повторить событие
                </Button>
              ) : null}
            </Flex>

            {!canReplay(event) ? (
              <Callout.Root color="gray" variant="surface" data-testid="event-not-parsed">
                <Callout.Icon>
                  <InfoCircledIcon />
                </Callout.Icon>
                <Callout.Text>
                  Тело запроса не удалось разобрать, поэтому повторять нечего. Исправьте отправку на стороне источника — новый
                  запрос обработается как обычно.
                </Callout.Text>
              </Callout.Root>
            ) : null}

            {newRuns ? (
              <Callout.Root color="green" variant="surface" className="fade-in">
                <Callout.Icon>
                  <CheckCircledIcon />
                </Callout.Icon>
                <Callout.Text>
                  Событие отправлено повторно.{' '}
                  {newRuns.length ? (
                    <>
                      Новый запуск:{' '}
                      {newRuns.map((r, i) => (
                        <span key={r.id}>
                          {i > 0 ? ', ' : null}
                          <Link asChild>
                            <RouterLink to={`/logs/runs/${encodeURIComponent(r.id)}`} state={{ from }}>
                              {shortId(r.id)}
                            </RouterLink>
                          </Link>
                        </span>
                      ))}
                    </>
                  ) : (
                    'Запусков не создано.'
                  )}
                </Callout.Text>
              </Callout.Root>
            ) : null}

            <DataList.Root size="2" orientation={{ initial: 'vertical', sm: 'horizontal' }}>
              <DataList.Item>
                <DataList.Label minWidth="140px">Статус</DataList.Label>
                <DataList.Value>
                  <StatusBadge kind="event" value={event.status} />
                </DataList.Value>
              </DataList.Item>
              {event.reason ? (
                <DataList.Item>
                  <DataList.Label minWidth="140px">Причина</DataList.Label>
                  <DataList.Value>{event.reason}</DataList.Value>
                </DataList.Item>
              ) : null}
              {event.summary ? (
                <DataList.Item>
                  <DataList.Label minWidth="140px">Содержимое</DataList.Label>
                  <DataList.Value>
                    <Text className="payload-summary prewrap">{event.summary}</Text>
                  </DataList.Value>
                </DataList.Item>
              ) : null}
              <DataList.Item>
                <DataList.Label minWidth="140px">Правило</DataList.Label>
                <DataList.Value>
                  <Link asChild>
                    <RouterLink to={`/rules/${encodeURIComponent(event.workflowId)}`}>
                      {event.workflowName || 'Без названия'}
                    </RouterLink>
                  </Link>
                </DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label minWidth="140px">Запрос</DataList.Label>
                <DataList.Value>
                  <Flex gap="2" align="center">
                    <Badge color="gray" variant="soft">
                      {event.method}
                    </Badge>
                    <Code variant="ghost">{event.contentType || 'без типа содержимого'}</Code>
                  </Flex>
                </DataList.Value>
              </DataList.Item>
              <IdRow label="Событие" id={event.id} copyLabel="Копировать идентификатор события" />
              {event.duplicateOf ? (
                <IdRow label="Дубликат события" id={event.duplicateOf} copyLabel="Копировать идентификатор исходного события" />
              ) : null}
              <DataList.Item>
                <DataList.Label minWidth="140px">Запуски</DataList.Label>
                <DataList.Value>
                  <EventRuns eventId={event.id} runIds={event.runIds} from={from} />
                </DataList.Value>
              </DataList.Item>
            </DataList.Root>

            <Tabs.Root defaultValue="body">
              <Tabs.List size="1">
                <Tabs.Trigger value="body">Тело запроса</Tabs.Trigger>
                <Tabs.Trigger value="headers">Заголовки</Tabs.Trigger>
                <Tabs.Trigger value="query">Параметры адреса</Tabs.Trigger>
              </Tabs.List>
              <Flex pt="3" direction="column">
                <Tabs.Content value="body">
                  <JsonViewer value={event.body} emptyText="Запрос пришёл без тела" maxHeight={360} />
                </Tabs.Content>
                <Tabs.Content value="headers">
                  <JsonViewer value={event.headers} openDepth={1} maxHeight={360} />
                </Tabs.Content>
                <Tabs.Content value="query">
                  <JsonViewer
                    value={event.query && Object.keys(event.query).length ? event.query : null}
                    emptyText="В адресе не было параметров"
                    maxHeight={360}
                  />
                </Tabs.Content>
              </Flex>
            </Tabs.Root>

            <Flex justify="end">
              <Dialog.Close>
                <Button variant="soft" color="gray">
                  Закрыть
                </Button>
              </Dialog.Close>
            </Flex>
          </Flex>
        ) : null}
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Повторить событие?"
          description={`Событие будет обработано заново активной версией правила «${event?.workflowName ?? ''}». Появится новый запуск, и его действия (например, создание сделки) выполнятся ещё раз.`}
          confirmLabel="Повторить событие"
          onConfirm={replay}
        />
      </Dialog.Content>
    </Dialog.Root>
  );
}

/** A row with an identifier and its copy button. */
function IdRow({ label, id, copyLabel }: { label: string; id: string; copyLabel: string }) {
  return (
    <DataList.Item>
      <DataList.Label minWidth="140px">{label}</DataList.Label>
      <DataList.Value>
        <Flex gap="2" align="center">
          <Code variant="ghost" title={id}>
            {shortId(id)}
          </Code>
          <CopyButton text={id} label={copyLabel} />
        </Flex>
      </DataList.Value>
    </DataList.Item>
  );
}
