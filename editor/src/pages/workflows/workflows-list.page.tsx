import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Box, Button, Callout, Flex, Heading, Spinner, Text, TextField } from '@radix-ui/themes';
import { ExclamationTriangleIcon, MagicWandIcon, MagnifyingGlassIcon, PlusIcon } from '@radix-ui/react-icons';
import { useNavigate } from 'react-router';
import { workflowsApi, type WorkflowSummary } from '../../api/workflows.api.ts';
import { fetchNodeTypes } from '../../api/node-types.api.ts';
import { errorMessage, toast } from '../../store/editor-toast.store.ts';
import { useWorkflowsList } from './use-workflows-list.hook.ts';
import { WorkflowsTable, type RowActions } from './workflows-table.component.tsx';
import { WorkflowsEmpty } from './workflows-empty.component.tsx';
import { WorkflowNameDialog } from './workflow-name.dialog.tsx';
import { DeleteWorkflowDialog } from './delete-workflow.dialog.tsx';
import { ImportWorkflowButton } from './import-workflow.button.tsx';
import { ToastViewport } from './toast-viewport.component.tsx';
import { downloadJson, exportFileName } from './workflow-format.util.ts';
import './workflows.css';

// The template form brings the generic forms and zod: loaded on the first «Создать из шаблона» only.
const TemplateCreateDialog = lazy(() => import('./template-create.dialog.tsx').then((m) => ({ default: m.TemplateCreateDialog })));

export function WorkflowsListPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const { items, total, loading, error, reload, more, canMore } = useWorkflowsList(search);
  const [creating, setCreating] = useState(false);
  const [fromTemplate, setFromTemplate] = useState(false);
  const [renaming, setRenaming] = useState<WorkflowSummary | null>(null);
  const [deleting, setDeleting] = useState<WorkflowSummary | null>(null);
  const [triggerTitles, setTriggerTitles] = useState<Record<string, string>>({});

  useEffect(() => {
    document.title = 'Правила — Конструктор интеграций';
    fetchNodeTypes()
      .then((res) => setTriggerTitles(Object.fromEntries(res.nodes.map((n) => [n.type, n.title]))))
      .catch(() => undefined);
  }, []);

  const actions = useMemo<RowActions>(
    () => ({
      open: (w) => navigate(`/rules/${w.id}`),
      rename: (w) => setRenaming(w),
      remove: (w) => setDeleting(w),
      duplicate: async (w) => {
        try {
          const copy = await workflowsApi.duplicate(w.id);
          toast.success(`Создана копия «${copy.name}»`);
          reload();
        } catch (err) {
          toast.error(errorMessage(err));
        }
      },
      exportOne: async (w) => {
        try {
          downloadJson(await workflowsApi.exportOne(w.id), exportFileName(w.name));
        } catch (err) {
          toast.error(errorMessage(err));
        }
      },
    }),
    [navigate, reload],
  );

  const isEmpty = !loading && !error && total === 0 && search.trim() === '';

  return (
    <Box className="page page-wide">
      <Flex justify="between" align="start" gap="4" wrap="wrap" mb="5">
        <Flex direction="column" gap="1">
          <Heading as="h1" size="6">
            Правила
          </Heading>
          <Text as="p" size="2" color="gray">
            Что делать с входящими событиями: условия и действия в AmoCRM, LPTracker и других сервисах
          </Text>
        </Flex>
        <Flex gap="2">
          <ImportWorkflowButton onImported={(w) => navigate(`/rules/${w.id}`)} />
          <Button variant="soft" onClick={() => setFromTemplate(true)} data-testid="rules-from-template">
            <MagicWandIcon /> Создать из шаблона
          </Button>
          <Button onClick={() => setCreating(true)} data-testid="rules-create">
            <PlusIcon /> Создать правило
          </Button>
        </Flex>
      </Flex>

      {!isEmpty && (
        <Flex align="center" gap="3" mb="3">
          <TextField.Root
            placeholder="Поиск по названию"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 320 }}
            aria-label="Поиск по названию"
            data-testid="rules-search"
          >
            <TextField.Slot>
              <MagnifyingGlassIcon />
            </TextField.Slot>
            {loading && (
              <TextField.Slot side="right">
                <Spinner size="1" />
              </TextField.Slot>
            )}
          </TextField.Root>
          <Text size="2" color="gray">
            {total > 0 ? `Всего: ${total}` : ''}
          </Text>
        </Flex>
      )}

      {error && (
        <Callout.Root color="red" mb="3">
          <Callout.Icon>
            <ExclamationTriangleIcon />
          </Callout.Icon>
          <Callout.Text>
            Не удалось загрузить правила: {error}{' '}
            <Button size="1" variant="ghost" onClick={reload}>
              Повторить
            </Button>
          </Callout.Text>
        </Callout.Root>
      )}

      {isEmpty && <WorkflowsEmpty onCreate={() => setCreating(true)} onTemplate={() => setFromTemplate(true)} />}
      {!isEmpty && items.length === 0 && !loading && !error && (
        <Text as="p" color="gray" my="6" align="center" data-testid="rules-not-found">
          По запросу «{search.trim()}» ничего не найдено
        </Text>
      )}
      {items.length > 0 && <WorkflowsTable items={items} triggerTitle={(t) => triggerTitles[t] ?? t} actions={actions} />}
      {canMore && (
        <Flex justify="center" mt="3">
          <Button variant="soft" color="gray" onClick={more} loading={loading}>
            Показать ещё
          </Button>
        </Flex>
      )}
      {loading && items.length === 0 && !error && (
        <Flex justify="center" my="6">
          <Spinner size="3" />
        </Flex>
      )}

      {fromTemplate && (
        <Suspense fallback={null}>
          <TemplateCreateDialog open onClose={() => setFromTemplate(false)} onCreated={(w) => navigate(`/rules/${w.id}`)} />
        </Suspense>
      )}
      <WorkflowNameDialog
        open={creating}
        onOpenChange={setCreating}
        title="Новое правило"
        submitLabel="Создать"
        onSubmit={async (name) => {
          const w = await workflowsApi.create({ name });
          navigate(`/rules/${w.id}`);
        }}
      />
      <WorkflowNameDialog
        open={renaming !== null}
        onOpenChange={(open) => !open && setRenaming(null)}
        title="Переименовать правило"
        submitLabel="Сохранить"
        initialName={renaming?.name}
        onSubmit={async (name) => {
          if (!renaming) return;
          await workflowsApi.update(renaming.id, { name });
          toast.success('Правило переименовано');
          reload();
        }}
      />
      <DeleteWorkflowDialog
        workflow={deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        onConfirm={async (w) => {
          try {
            await workflowsApi.remove(w.id);
            toast.success(`Правило «${w.name}» удалено`);
            reload();
          } catch (err) {
            toast.error(errorMessage(err));
            throw err;
          }
        }}
      />
      <ToastViewport />
    </Box>
  );
}
