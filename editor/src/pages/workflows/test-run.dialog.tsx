import { useEffect, useState } from 'react';
import { Button, Dialog, Flex, Tabs, Text, TextArea } from '@radix-ui/themes';
import { PlayIcon } from '@radix-ui/react-icons';
import type { InboundEvent, TestRunEvent, TestRunResult } from '../../api/workflows.api.ts';
import { useEditorApi } from '../../store/editor-store.context.tsx';
import { RecentEvents } from './recent-events.component.tsx';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  run: (event: TestRunEvent) => Promise<TestRunResult | null>;
  running: boolean;
}

const storageKey = (id: string) => `rule-test-body:${id}`;

/** A body from the trigger's sample (`{body: …}` for webhooks), else `{}`. */
function initialBody(sample: unknown): string {
  const body = sample && typeof sample === 'object' && 'body' in sample ? (sample as { body: unknown }).body : undefined;
  return JSON.stringify(body ?? {}, null, 2);
}

/** «Тестовый запуск»: a JSON body or a recent event, run against the draft graph without side effects. */
export function TestRunDialog({ open, onOpenChange, run, running }: Props) {
  const api = useEditorApi();
  const workflowId = api.getState().workflowId;
  const [tab, setTab] = useState('body');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<InboundEvent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const s = api.getState();
    const trigger = s.nodes.map((n) => s.nodeTypes[`${n.data.type}@${n.data.version}`]).find((i) => i?.kind === 'trigger');
    setText(sessionStorage.getItem(storageKey(workflowId)) ?? initialBody(trigger?.sample));
    setError(null);
  }, [open, api, workflowId]);

  const submit = async () => {
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (err) {
      setError(`Некорректный JSON: ${(err as Error).message}`);
      setTab('body');
      return;
    }
    setError(null);
    sessionStorage.setItem(storageKey(workflowId), text);
    const event: TestRunEvent = picked && JSON.stringify(picked.body) === JSON.stringify(body) ? { body, headers: picked.headers, query: picked.query } : { body };
    const result = await run(event);
    if (result) onOpenChange(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Content maxWidth="640px" data-testid="test-run-dialog">
        <Dialog.Title>Тестовый запуск</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="3">
          Правило выполнится по текущему черновику без сохранения. Действия во внешних сервисах не выполняются: узлы
          только описывают, что бы они сделали.
        </Dialog.Description>
        <Tabs.Root value={tab} onValueChange={setTab}>
          <Tabs.List>
            <Tabs.Trigger value="body">Своё тело запроса</Tabs.Trigger>
            <Tabs.Trigger value="events" data-testid="test-run-tab-events">
              Недавние события
            </Tabs.Trigger>
          </Tabs.List>
          <Flex direction="column" gap="2" pt="3" style={{ minHeight: 260 }}>
            <Tabs.Content value="body">
              <Text as="label" size="2" weight="medium" htmlFor="test-body">
                Тело запроса (JSON)
              </Text>
              <TextArea
                id="test-body"
                className="mono-input"
                rows={12}
                value={text}
                onChange={(e) => setText(e.target.value)}
                color={error ? 'red' : undefined}
                data-testid="test-run-body"
                mt="1"
              />
              {error && (
                <Text size="1" color="red" data-testid="test-run-error">
                  {error}
                </Text>
              )}
            </Tabs.Content>
            <Tabs.Content value="events">
              <RecentEvents
                workflowId={workflowId}
                selectedId={picked?.id ?? null}
                onPick={(e) => {
                  setPicked(e);
                  setText(typeof e.body === 'string' ? JSON.stringify(e.body) : JSON.stringify(e.body ?? {}, null, 2));
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
