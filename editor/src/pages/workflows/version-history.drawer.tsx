import { useState } from 'react';
import { AlertDialog, Badge, Button, Dialog, Flex, IconButton, Text, Tooltip } from '@radix-ui/themes';
import { Cross2Icon, CounterClockwiseClockIcon } from '@radix-ui/react-icons';
import { workflowsApi, type VersionInfo } from '../../api/workflows.api.ts';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { LoadingState } from '../../components/loading-state.component.tsx';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { useEditor } from '../../store/editor-store.context.tsx';
import { formatDateTime, formatRelative } from './workflow-format.util.ts';
import '../../styles/side-sheet.css';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  restore: (version: number) => Promise<boolean>;
  restoring: boolean;
}

/** «История версий»: published versions newest first — who, when, what changed — and «Вернуть эту версию». */
export function VersionHistoryDrawer({ open, onOpenChange, restore, restoring }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Content className="side-sheet side-sheet-narrow" aria-describedby={undefined} data-testid="version-history">
        {open && <VersionList restore={restore} restoring={restoring} onDone={() => onOpenChange(false)} />}
      </Dialog.Content>
    </Dialog.Root>
  );
}

function VersionList({ restore, restoring, onDone }: { restore: Props['restore']; restoring: boolean; onDone: () => void }) {
  const workflowId = useEditor((s) => s.workflowId);
  const latest = useEditor((s) => s.meta?.latestVersion ?? null);
  const active = useEditor((s) => (s.meta?.status === 'active' ? s.meta.activeVersion : null));
  const dirty = useEditor((s) => s.dirty);
  const list = useApiData((signal) => workflowsApi.versions(workflowId, { limit: 100 }, signal), `versions:${workflowId}:${latest}`);
  const [confirm, setConfirm] = useState<VersionInfo | null>(null);

  return (
    <Flex direction="column" gap="4">
      <Flex align="start" justify="between" gap="3">
        <Flex direction="column" gap="1">
          <Dialog.Title size="5" mb="0">
            История версий
          </Dialog.Title>
          <Text size="2" color="gray">
            Каждая публикация — новая версия. Любую можно вернуть: она станет черновиком и будет опубликована заново.
          </Text>
        </Flex>
        <Dialog.Close>
          <IconButton variant="ghost" color="gray" aria-label="Закрыть историю версий">
            <Cross2Icon />
          </IconButton>
        </Dialog.Close>
      </Flex>
      {list.loading && !list.data && <LoadingState label="Загружаем версии…" />}
      {list.error && <ErrorCallout error={list.error} onRetry={() => list.reload()} />}
      {list.data && list.data.items.length === 0 && (
        <Text as="p" size="2" color="gray" data-testid="version-history-empty">
          Правило ещё не публиковалось. Нажмите «Опубликовать и включить», чтобы выпустить первую версию.
        </Text>
      )}
      <Flex direction="column" gap="2" asChild>
        <ol className="version-list">
          {list.data?.items.map((v) => (
            <li key={v.id} className="version-item" data-testid={`version-${v.version}`}>
              <Flex align="center" justify="between" gap="3">
                <Flex align="center" gap="2" wrap="wrap">
                  <Text size="3" weight="bold">
                    Версия {v.version}
                  </Text>
                  {v.version === latest && (
                    <Badge color="violet" variant="soft">
                      Последняя
                    </Badge>
                  )}
                  {v.version === active && (
                    <Badge color="green" variant="soft">
                      Работает сейчас
                    </Badge>
                  )}
                </Flex>
                <Button size="1" variant="soft" onClick={() => setConfirm(v)} data-testid={`version-restore-${v.version}`}>
                  <CounterClockwiseClockIcon /> Вернуть эту версию
                </Button>
              </Flex>
              <Text as="div" size="2" color="gray" mt="1">
                <Tooltip content={formatDateTime(v.createdAt)}>
                  <span>{formatRelative(v.createdAt)}</span>
                </Tooltip>
                {' · '}
                {v.author ? (
                  <span title={v.author.email}>{v.author.name || v.author.email}</span>
                ) : (
                  'автор неизвестен'
                )}
              </Text>
              <Text as="div" size="2" mt="1" data-testid={`version-changes-${v.version}`}>
                {v.changes.summary}
              </Text>
            </li>
          ))}
        </ol>
      </Flex>
      <AlertDialog.Root open={confirm !== null} onOpenChange={(o) => !o && setConfirm(null)}>
        <AlertDialog.Content maxWidth="460px" data-testid="version-restore-dialog">
          <AlertDialog.Title>Вернуть версию {confirm?.version}?</AlertDialog.Title>
          <AlertDialog.Description size="2">
            {confirm?.version === latest
              ? 'Черновик станет таким, как в этой версии: изменения после публикации пропадут.'
              : `Схема версии ${confirm?.version} станет черновиком и будет опубликована как новая версия${active ? ': включённое правило сразу начнёт работать по ней' : ''}.`}
            {dirty ? ' Несохранённые изменения на холсте пропадут.' : ''}
          </AlertDialog.Description>
          <Flex gap="3" mt="4" justify="end">
            <AlertDialog.Cancel>
              <Button variant="soft" color="gray">
                Отмена
              </Button>
            </AlertDialog.Cancel>
            <Button
              loading={restoring}
              data-testid="version-restore-confirm"
              onClick={async () => {
                if (!confirm) return;
                const ok = await restore(confirm.version);
                setConfirm(null);
                if (ok) onDone();
              }}
            >
              Вернуть
            </Button>
          </Flex>
        </AlertDialog.Content>
      </AlertDialog.Root>
    </Flex>
  );
}
