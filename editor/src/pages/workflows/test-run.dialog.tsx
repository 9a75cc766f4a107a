import { useEffect, useState } from 'react';
import { Button, Dialog, Flex, Tabs, Text, TextArea } from '@radix-ui/themes';
import { PlayIcon } from '@radix-ui/react-icons';
import type { InboundEvent, TestRunEvent, TestRunResult } from '../../api/workflows.api.ts';
import { parseJsonRu } from '../../forms/json-error.util.ts';
import { useEditorApi } from '../../store/editor-store.context.tsx';
import { KeyValueRows, toPairs, toRecord, type Pair } from './key-value-rows.component.tsx';
import { RecentEvents } from './recent-events.component.tsx';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  run: (event: TestRunEvent) => Promise<TestRunResult | null>;
  running: boolean;
}

interface Saved {
  body: string;
  headers: Pair[];
  query: Pair[];
}

const storageKey = (id: string) => `rule-test-event:${id}`;

/** A body from the trigger's sample (`{body: …}` for webhooks), else `{}`. */
function initialBody(sample: unknown): string {
  const body = sample && typeof sample === 'object' && 'body' in sample ? (sample as { body: unknown }).body : undefined;
  return JSON.stringify(body ?? {}, null, 2);
}

function restore(id: string): Saved | null {
  try {
    const raw = sessionStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}

/**
 * «Тестовый запуск»: the event's body (JSON), headers and address parameters, or a recent event,
 * run against the draft without side effects.
 */
export function TestRunDialog({ open, onOpenChange, run, running }: Props) {
  const api = useEditorApi();
  const workflowId = api.getState().workflowId;
  const [tab, setTab] = useState('body');
  const [text, setText] = useState('');
  const [headers, setHeaders] = useState<Pair[]>([]);
  const [query, setQuery] = useState<Pair[]>([]);
  const [picked, setPicked] = useState<InboundEvent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const s = api.getState();
    const trigger = s.nodes.map((n) => s.nodeTypes[`${n.data.type}@${n.data.version}`]).find((i) => i?.kind === 'trigger');
    const saved = restore(workflowId);
    setText(saved?.body ?? initialBody(trigger?.sample));
    setHeaders(saved?.headers ?? []);
    setQuery(saved?.query ?? []);
    setError(null);
    setTab('body');
  }, [open, api, workflowId]);

  const submit = async () => {
    let body: unknown = {};
    if (text.trim() !== '') {
      const parsed = parseJsonRu(text);
      if (!parsed.ok) {
        setError(parsed.message);
        setTab('body');
        return;
      }
      body = parsed.value;
    }
    setError(null);
    sessionStorage.setItem(storageKey(workflowId), JSON.stringify({ body: text, headers, query } satisfies Saved));
    const event: TestRunEvent = { body, headers: toRecord(headers), query: toRecord(query) };
    const result = await run(event);
    if (result) onOpenChange(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Content maxWidth="680px" data-testid="test-run-dialog">
        <Dialog.Title>Тестовый запуск</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="3">
          Правило выполнится по текущему черновику без сохранения. Действия во внешних сервисах не выполняются: шаги
          только описывают, что бы они сделали.
        </Dialog.Description>
        <Tabs.Root value={tab} onValueChange={setTab}>
          <Tabs.List>
            <Tabs.Trigger value="body" data-testid="test-run-tab-body">
              Тело запроса
            </Tabs.Trigger>
            <Tabs.Trigger value="headers" data-testid="test-run-tab-headers">
              Заголовки{headers.length ? ` (${headers.length})` : ''}
            </Tabs.Trigger>
            <Tabs.Trigger value="query" data-testid="test-run-tab-query">
              Параметры адреса{query.length ? ` (${query.length})` : ''}
            </Tabs.Trigger>
            <Tabs.Trigger value="events" data-testid="test-run-tab-events">
              Недавние события
            </Tabs.Trigger>
          </Tabs.List>
          <Flex direction="column" gap="2" pt="3" style={{ minHeight: 280 }}>
            <Tabs.Content value="body">
              <Text as="label" size="2" weight="medium" htmlFor="test-body">
                Тело запроса (JSON)
              </Text>
              <TextArea
                id="test-body"
                className="mono-input"
                rows={12}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  if (error) setError(null);
                }}
                color={error ? 'red' : undefined}
                data-testid="test-run-body"
                mt="1"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'test-body-error' : undefined}
              />
              {error && (
                <Text as="p" size="2" color="red" id="test-body-error" data-testid="test-run-error" mt="1">
                  {error}
                </Text>
              )}
            </Tabs.Content>
            <Tabs.Content value="headers">
              <KeyValueRows
                pairs={headers}
                onChange={setHeaders}
                keyLabel="Заголовок"
                keyPlaceholder="Название, например X-Source"
                valuePlaceholder="Значение"
                addLabel="Заголовок"
                empty="Заголовков нет: правило получит только тип содержимого."
                testId="test-run-headers"
              />
            </Tabs.Content>
            <Tabs.Content value="query">
              <KeyValueRows
                pairs={query}
                onChange={setQuery}
                keyLabel="Параметр"
                keyPlaceholder="Параметр, например utm_source"
                valuePlaceholder="Значение"
                addLabel="Параметр"
                empty="Параметров в адресе нет."
                testId="test-run-query"
              />
            </Tabs.Content>
            <Tabs.Content value="events">
              <RecentEvents
                workflowId={workflowId}
                selectedId={picked?.id ?? null}
                onPick={(e) => {
                  setPicked(e);
                  setText(typeof e.body === 'string' ? JSON.stringify(e.body) : JSON.stringify(e.body ?? {}, null, 2));
                  setHeaders(toPairs(e.headers));
                  setQuery(toPairs(e.query));
                  setError(null);
                  setTab('body');
                }}
              />
            </Tabs.Content>
          </Flex>
        </Tabs.Root>
        <Flex gap="3" mt="4" justify="end">
          <Dialog.Close>
            <Button variant="soft" color="gray">
              Отмена
            </Button>
          </Dialog.Close>
          <Button onClick={() => void submit()} loading={running} data-testid="test-run-submit">
            <PlayIcon /> Запустить
          </Button>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  );
}
