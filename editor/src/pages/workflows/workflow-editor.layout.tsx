import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Callout, Flex, Heading } from '@radix-ui/themes';
import { DesktopIcon } from '@radix-ui/react-icons';
import { NodePalette } from '../../canvas/node-palette.component.tsx';
import { RuleCanvas } from '../../canvas/rule-canvas.component.tsx';
import { useAutoLayout } from '../../canvas/use-auto-layout.hook.ts';
import { useSidebarRoom } from '../../layout/shell.store.ts';
import { useCompactScreen } from '../../layout/use-media-query.hook.ts';
import { useEditor } from '../../store/editor-store.context.tsx';
import type { EditorCatalog } from './workflow-editor.page.tsx';
import { EditorToolbar } from './editor-toolbar.component.tsx';
import { NodeInspector } from './node-inspector.component.tsx';
import { ProblemsPanel } from './problems-panel.component.tsx';
import { ResizablePanel } from './resizable-panel.component.tsx';
import { TestRunBanner } from './test-run-banner.component.tsx';
import { TestRunDialog } from './test-run.dialog.tsx';
import { UnsavedChangesGuard } from './unsaved-changes.guard.tsx';
import { useClientValidation } from './use-client-validation.hook.ts';
import { useEditorCommands } from './use-editor-commands.hook.ts';
import { useEditorShortcuts } from './use-editor-shortcuts.hook.ts';
import { VersionHistoryDrawer } from './version-history.drawer.tsx';
import { WorkflowStatusBadge } from './workflow-status.badge.tsx';

/** Below 900 px: a polite note and the graph to look at, not to edit. */
function NarrowEditor() {
  const name = useEditor((s) => s.name);
  const meta = useEditor((s) => s.meta);
  return (
    <div className="rule-editor narrow" data-testid="rule-editor" data-narrow="true">
      <Flex direction="column" gap="3" p="4" className="editor-narrow-head">
        <Flex align="center" justify="between" gap="3" wrap="wrap">
          <Heading size="4" className="editor-narrow-title">
            {name.trim() || 'Без названия'}
          </Heading>
          {meta && <WorkflowStatusBadge workflow={meta} />}
        </Flex>
        <Callout.Root color="violet" variant="surface" data-testid="editor-too-narrow">
          <Callout.Icon>
            <DesktopIcon />
          </Callout.Icon>
          <Callout.Text>
            Редактору нужен экран пошире — от 900 пикселей. Здесь схему можно посмотреть, а изменить её удобнее с компьютера.
          </Callout.Text>
        </Callout.Root>
        <Button asChild variant="soft" color="gray" style={{ alignSelf: 'flex-start' }}>
          <Link to="/rules">К списку правил</Link>
        </Button>
      </Flex>
      <div className="editor-body">
        <div className="editor-center">
          <RuleCanvas readOnly />
        </div>
      </div>
    </div>
  );
}

/** Toolbar on top; palette, canvas and inspector side by side; the status bar with problems below. */
export function WorkflowEditorLayout({ catalog }: { catalog: EditorCatalog }) {
  const narrow = useCompactScreen();
  useSidebarRoom();
  const name = useEditor((s) => s.name);
  useEffect(() => {
    document.title = `${name.trim() || 'Без названия'} — Правила`;
  }, [name]);
  useClientValidation(catalog.all);
  return narrow ? <NarrowEditor /> : <WideEditor catalog={catalog} />;
}

function WideEditor({ catalog }: { catalog: EditorCatalog }) {
  const commands = useEditorCommands();
  const [testOpen, setTestOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const selected = useEditor((s) => s.selectedNodeId !== null);
  const layout = useAutoLayout();
  const save = useCallback(() => void commands.save(), [commands]);
  useEditorShortcuts(save);

  return (
    <div className="rule-editor" data-testid="rule-editor">
      <EditorToolbar commands={commands} onTestRun={() => setTestOpen(true)} onHistory={() => setHistoryOpen(true)} onLayout={layout} />
      <div className="editor-body">
        <ResizablePanel side="left" storageKey="editor.palette" defaultWidth={232} min={180} max={380} title="список узлов" testId="palette-panel">
          <NodePalette plugins={catalog.plugins} nodeTypes={catalog.latest} />
        </ResizablePanel>
        <div className="editor-center">
          <RuleCanvas onLayout={layout} />
          <TestRunBanner />
        </div>
        {selected && (
          <ResizablePanel side="right" storageKey="editor.inspector" defaultWidth={360} min={300} max={600} title="настройки шага" testId="inspector-panel">
            <NodeInspector />
          </ResizablePanel>
        )}
      </div>
      <ProblemsPanel />
      <TestRunDialog open={testOpen} onOpenChange={setTestOpen} run={commands.testRun} running={commands.busy === 'test'} />
      <VersionHistoryDrawer open={historyOpen} onOpenChange={setHistoryOpen} restore={commands.restore} restoring={commands.busy === 'restore'} />
      <UnsavedChangesGuard save={() => commands.save(true)} />
    </div>
  );
}
