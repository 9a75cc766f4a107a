import type { ReactNode } from 'react';
import { Button, DropdownMenu, Flex, IconButton, Separator, Text, Tooltip } from '@radix-ui/themes';
import { ArrowLeftIcon, CounterClockwiseClockIcon, DotsHorizontalIcon, PlayIcon, ResetIcon, RocketIcon } from '@radix-ui/react-icons';
import { Link } from 'react-router';
import { useEditor } from '../../store/editor-store.context.tsx';
import { WorkflowStatusBadge } from './workflow-status.badge.tsx';
import { EditorNameField } from './editor-name.field.tsx';
import { HookUrl } from './hook-url.component.tsx';
import { ruleStateOf, type ActionState } from './rule-state.util.ts';
import type { EditorCommands } from './use-editor-commands.hook.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

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
    <Flex gap="1" flexShrink="0">
      <Tooltip content={canUndo ? `Отменить (${MOD}+Z)` : 'Отменять пока нечего'}>
        <IconButton variant="ghost" color="gray" disabled={!canUndo} onClick={undo} aria-label="Отменить" data-testid="editor-undo">
          <ResetIcon />
        </IconButton>
      </Tooltip>
      <Tooltip content={canRedo ? `Повторить (${MOD}+Shift+Z)` : 'Повторять пока нечего'}>
        <IconButton variant="ghost" color="gray" disabled={!canRedo} onClick={redo} aria-label="Повторить" data-testid="editor-redo">
          <ResetIcon style={{ transform: 'scaleX(-1)' }} />
        </IconButton>
      </Tooltip>
    </Flex>
  );
}

/** A disabled button cannot show a tooltip itself: the wrapper does, saying why. */
function Why({ state, hint, children }: { state: ActionState; hint: string; children: ReactNode }) {
  return (
    <Tooltip content={state.reason ?? hint}>
      <span className="editor-tool-wrap" tabIndex={state.enabled ? undefined : 0} data-reason={state.reason ?? ''}>
        {children}
      </span>
    </Tooltip>
  );
}

/** A menu item that, when it cannot run now, says why under its label. */
function MenuAction({ state, label, onSelect, testId, color }: { state: ActionState; label: string; onSelect: () => void; testId: string; color?: 'red' }) {
  return (
    <DropdownMenu.Item disabled={!state.enabled} onSelect={onSelect} data-testid={testId} color={color} className="editor-menu-item">
      <Flex direction="column">
        <Text size="2">{label}</Text>
        {state.reason && (
          <Text size="1" color="gray" data-testid={`${testId}-reason`}>
            {state.reason}
          </Text>
        )}
      </Flex>
    </DropdownMenu.Item>
  );
}

interface Props {
  commands: EditorCommands;
  onTestRun: () => void;
  onHistory: () => void;
  onLayout: () => void;
}

/** Name and state on the left; test run, save, the primary «Опубликовать и включить» and «…» on the right. */
export function EditorToolbar({ commands, onTestRun, onHistory, onLayout }: Props) {
  const meta = useEditor((s) => s.meta);
  const dirty = useEditor((s) => s.dirty);
  // Errors of the graph itself block publishing; a broken connection found by a refused publish
  // may be fixed in «Настройки» meanwhile, so it must not keep the button off: trying again is the way.
  const errors = useEditor((s) => s.issues.filter((i) => i.severity === 'error' && !i.code.startsWith('CONNECTION_')).length);
  const empty = useEditor((s) => s.nodes.length === 0);
  const { busy } = commands;
  const state = meta ? ruleStateOf(meta, { dirty, errors }) : null;
  const saveState: ActionState = dirty ? { enabled: true, reason: null } : { enabled: false, reason: 'Все изменения уже сохранены' };
  const testState: ActionState = empty ? { enabled: false, reason: 'Сначала добавьте триггер и шаги' } : { enabled: true, reason: null };

  return (
    <Flex className="editor-toolbar" align="center" gap="2" px="3" data-testid="editor-toolbar">
      <Tooltip content="К списку правил">
        <IconButton asChild variant="ghost" color="gray" aria-label="К списку правил">
          <Link to="/rules" data-testid="editor-back">
            <ArrowLeftIcon />
          </Link>
        </IconButton>
      </Tooltip>
      <EditorNameField />
      <SaveState />
      {meta && <WorkflowStatusBadge workflow={meta} facts={{ dirty }} wrap={false} />}
      <Separator orientation="vertical" />
      <UndoRedo />
      <div className="editor-toolbar-spacer" />
      <HookUrl />
      <Why state={testState} hint="Прогнать правило на примере события без действий во внешних сервисах">
        <Button variant="soft" color="gray" onClick={onTestRun} loading={busy === 'test'} disabled={!testState.enabled} data-testid="editor-test-run" aria-label="Тестовый запуск">
          <PlayIcon /> <span className="editor-tool-label">Тестовый запуск</span>
        </Button>
      </Why>
      <Why state={saveState} hint={`Сохранить черновик (${MOD}+S): работающее правило не меняется до публикации`}>
        <Button variant="soft" onClick={() => void commands.save()} loading={busy === 'save'} disabled={!saveState.enabled} data-testid="editor-save">
          Сохранить
        </Button>
      </Why>
      {state && (
        <Why state={state.publishAndActivate} hint="Сохранить, выпустить новую версию и включить правило: события начнут обрабатываться по ней">
          <Button
            onClick={() => void commands.publishAndActivate()}
            loading={busy === 'publish-activate'}
            disabled={!state.publishAndActivate.enabled || busy !== null}
            data-testid="editor-publish-activate"
          >
            <RocketIcon /> Опубликовать и включить
          </Button>
        </Why>
      )}
      <DropdownMenu.Root>
        <Tooltip content="Другие действия">
          <DropdownMenu.Trigger>
            <IconButton variant="soft" color="gray" aria-label="Другие действия" data-testid="editor-more">
              <DotsHorizontalIcon />
            </IconButton>
          </DropdownMenu.Trigger>
        </Tooltip>
        <DropdownMenu.Content align="end" className="editor-menu" data-testid="editor-more-menu">
          {state && (
            <>
              <MenuAction state={state.publish} label="Только опубликовать" onSelect={() => void commands.publish()} testId="editor-publish" />
              {state.power?.on ? (
                <MenuAction state={state.deactivate} label="Выключить правило" onSelect={() => void commands.deactivate()} testId="editor-deactivate" />
              ) : (
                <MenuAction state={state.activate} label="Включить правило" onSelect={() => void commands.activate()} testId="editor-activate" />
              )}
              <DropdownMenu.Separator />
            </>
          )}
          <DropdownMenu.Item onSelect={onHistory} data-testid="editor-history">
            <CounterClockwiseClockIcon /> История версий
          </DropdownMenu.Item>
          <MenuAction
            state={empty ? { enabled: false, reason: 'На холсте пока нет узлов' } : { enabled: true, reason: null }}
            label="Выстроить схему слева направо"
            onSelect={onLayout}
            testId="editor-menu-layout"
          />
        </DropdownMenu.Content>
      </DropdownMenu.Root>
    </Flex>
  );
}
