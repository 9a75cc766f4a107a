import { Button, Flex, IconButton, Separator, Tooltip } from '@radix-ui/themes';
import { ArrowLeftIcon, PlayIcon, ResetIcon, RocketIcon } from '@radix-ui/react-icons';
import { Link } from 'react-router';
import { useEditor } from '../../store/editor-store.context.tsx';
import { WorkflowStatusBadge } from './workflow-status.badge.tsx';
import { EditorNameField } from './editor-name.field.tsx';
import { HookUrl } from './hook-url.component.tsx';
import type { EditorCommands } from './use-editor-commands.hook.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

function SaveState() {
  const dirty = useEditor((s) => s.dirty);
  return (
    <Tooltip content={dirty ? 'Есть несохранённые изменения' : 'Все изменения сохранены'}>
      <span className={dirty ? 'editor-save-state dirty' : 'editor-save-state'} data-testid="editor-save-state" data-dirty={dirty} aria-label={dirty ? 'Не сохранено' : 'Сохранено'} role="status" />
    </Tooltip>
  );
}

function UndoRedo() {
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  return (
    <Flex gap="1">
      <Tooltip content={`Отменить (${MOD}+Z)`}>
        <IconButton variant="ghost" color="gray" disabled={!canUndo} onClick={undo} aria-label="Отменить" data-testid="editor-undo">
          <ResetIcon />
        </IconButton>
      </Tooltip>
      <Tooltip content={`Повторить (${MOD}+Shift+Z)`}>
        <IconButton variant="ghost" color="gray" disabled={!canRedo} onClick={redo} aria-label="Повторить" data-testid="editor-redo">
          <ResetIcon style={{ transform: 'scaleX(-1)' }} />
        </IconButton>
      </Tooltip>
    </Flex>
  );
}

export function EditorToolbar({ commands, onTestRun }: { commands: EditorCommands; onTestRun: () => void }) {
  const meta = useEditor((s) => s.meta);
  const dirty = useEditor((s) => s.dirty);
  const { busy } = commands;
  const active = meta?.status === 'active';
  return (
    <Flex className="editor-toolbar" align="center" gap="3" px="3" data-testid="editor-toolbar">
      <Tooltip content="К списку правил">
        <IconButton asChild variant="ghost" color="gray" aria-label="К списку правил">
          <Link to="/rules" data-testid="editor-back">
            <ArrowLeftIcon />
          </Link>
        </IconButton>
      </Tooltip>
      <EditorNameField />
      <SaveState />
      {meta && <WorkflowStatusBadge workflow={meta} />}
      <Separator orientation="vertical" />
      <UndoRedo />
      <div style={{ flex: 1 }} />
      <HookUrl />
      <Button variant="soft" color="gray" onClick={onTestRun} loading={busy === 'test'} data-testid="editor-test-run">
        <PlayIcon /> Тестовый запуск
      </Button>
      <Tooltip content={`Сохранить черновик (${MOD}+S)`}>
        <Button variant="soft" onClick={() => void commands.save()} loading={busy === 'save'} disabled={!dirty} data-testid="editor-save">
          Сохранить
        </Button>
      </Tooltip>
      <Tooltip content="Сохранить и выпустить новую версию: активное правило сразу начнёт работать по ней">
        <Button onClick={() => void commands.publish()} loading={busy === 'publish'} data-testid="editor-publish">
          <RocketIcon /> Опубликовать
        </Button>
      </Tooltip>
      {active ? (
        <Button color="amber" variant="soft" onClick={() => void commands.deactivate()} loading={busy === 'deactivate'} data-testid="editor-deactivate">
          Выключить
        </Button>
      ) : (
        <Tooltip content={meta?.activeVersion == null && meta?.latestVersion == null ? 'Сначала опубликуйте правило' : 'Начать обрабатывать события'}>
          <Button color="green" variant="soft" onClick={() => void commands.activate()} loading={busy === 'activate'} data-testid="editor-activate">
            Активировать
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}
