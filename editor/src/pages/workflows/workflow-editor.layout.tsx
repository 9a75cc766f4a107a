import { useEffect, useState } from 'react';
import { NodePalette } from '../../canvas/node-palette.component.tsx';
import { RuleCanvas } from '../../canvas/rule-canvas.component.tsx';
import { useEditor } from '../../store/editor-store.context.tsx';
import type { EditorCatalog } from './workflow-editor.page.tsx';
import { EditorToolbar } from './editor-toolbar.component.tsx';
import { NodeInspector } from './node-inspector.component.tsx';
import { ProblemsPanel } from './problems-panel.component.tsx';
import { TestRunBanner } from './test-run-banner.component.tsx';
import { TestRunDialog } from './test-run.dialog.tsx';
import { ToastViewport } from './toast-viewport.component.tsx';
import { UnsavedChangesGuard } from './unsaved-changes.guard.tsx';
import { useClientValidation } from './use-client-validation.hook.ts';
import { useEditorCommands } from './use-editor-commands.hook.ts';
import { useEditorShortcuts } from './use-editor-shortcuts.hook.ts';

/** Toolbar on top; palette, canvas (with problems below) and inspector side by side. */
export function WorkflowEditorLayout({ catalog }: { catalog: EditorCatalog }) {
  const commands = useEditorCommands();
  const [testOpen, setTestOpen] = useState(false);
  const name = useEditor((s) => s.name);
  useEditorShortcuts(() => void commands.save());
  useClientValidation(catalog.all);

  useEffect(() => {
    document.title = `${name.trim() || 'Без названия'} — Правила`;
  }, [name]);

  return (
    <div className="rule-editor" data-testid="rule-editor">
      <EditorToolbar commands={commands} onTestRun={() => setTestOpen(true)} />
      <div className="editor-body">
        <NodePalette plugins={catalog.plugins} nodeTypes={catalog.latest} />
        <div className="editor-center">
          <RuleCanvas />
          <TestRunBanner />
          <ProblemsPanel />
          {/* Over the canvas, so notices never cover the inspector or the toolbar. */}
          <ToastViewport />
        </div>
        <NodeInspector />
      </div>
      <TestRunDialog open={testOpen} onOpenChange={setTestOpen} run={commands.testRun} running={commands.busy === 'test'} />
      <UnsavedChangesGuard save={() => commands.save(true)} />
    </div>
  );
}
