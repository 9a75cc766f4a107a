import { Badge, Flex, ScrollArea, Text } from '@radix-ui/themes';
import { CheckCircledIcon, ChevronDownIcon, ChevronUpIcon, CrossCircledIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { useReactFlow } from '@xyflow/react';
import type { GraphIssue } from '../../api/workflows.api.ts';
import { nodeTypeKey } from '../../api/node-types.api.ts';
import { useEditor, useEditorApi } from '../../store/editor-store.context.tsx';
import type { EditorStore } from '../../store/editor-state.store.ts';
import { ToastViewport } from './toast-viewport.component.tsx';

/** The step an issue is about, as the user named it (never its id). */
function stepTitle(s: EditorStore, issue: GraphIssue): string | null {
  const nodeId = issue.nodeId ?? s.edges.find((e) => e.id === issue.edgeId)?.source;
  const node = nodeId ? s.nodes.find((n) => n.id === nodeId) : undefined;
  if (!node) return null;
  return node.data.label?.trim() || s.nodeTypes[nodeTypeKey(node.data.type, node.data.version)]?.title || 'Неизвестный шаг';
}

/**
 * The status bar under the editor: the problems (recomputed as the graph changes; a click selects
 * the step) and, on its right, the one notice of the page — never over the canvas.
 */
export function ProblemsPanel() {
  const api = useEditorApi();
  const issues = useEditor((s) => s.issues);
  const titles = useEditor((s) => issues.map((i) => stepTitle(s, i)).join('\u0000'));
  const open = useEditor((s) => s.problemsOpen);
  const setOpen = useEditor((s) => s.setProblemsOpen);
  const flow = useReactFlow();
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const stepTitles = titles.split('\u0000');

  const focus = (issue: GraphIssue) => {
    const s = api.getState();
    const nodeId = issue.nodeId ?? s.edges.find((e) => e.id === issue.edgeId)?.source;
    if (!nodeId || !s.nodes.some((n) => n.id === nodeId)) return;
    s.selectNode(nodeId);
    void flow.fitView({ nodes: [{ id: nodeId }], duration: 250, maxZoom: 1.2, padding: 0.6 });
  };

  return (
    <section className={open ? 'problems-panel open' : 'problems-panel'} data-testid="problems-panel" aria-label="Проблемы">
      <div className="problems-bar">
        <button type="button" className="problems-header" onClick={() => setOpen(!open)} data-testid="problems-toggle" aria-expanded={open}>
          <Flex align="center" gap="3">
            <Text size="2" weight="medium">
              Проблемы
            </Text>
            {issues.length === 0 ? (
              <Flex align="center" gap="1">
                <CheckCircledIcon color="var(--green-11)" />
                <Text size="1" color="green">
                  Ошибок нет
                </Text>
              </Flex>
            ) : (
              <>
                {errors > 0 && (
                  <Badge color="red" variant="soft" data-testid="problems-errors">
                    Ошибки: {errors}
                  </Badge>
                )}
                {warnings > 0 && (
                  <Badge color="amber" variant="soft" data-testid="problems-warnings">
                    Предупреждения: {warnings}
                  </Badge>
                )}
              </>
            )}
            {open ? <ChevronDownIcon /> : <ChevronUpIcon />}
          </Flex>
        </button>
        <ToastViewport inline />
      </div>
      {open && (
        <ScrollArea type="auto" scrollbars="vertical" className="problems-list">
          {issues.length === 0 && (
            <Text as="p" size="2" color="gray" m="3">
              Правило готово к публикации.
            </Text>
          )}
          {issues.map((issue, i) => (
            <div key={i} className="problem-row">
              <button
                type="button"
                className="problem-item"
                onClick={() => focus(issue)}
                disabled={!issue.nodeId && !issue.edgeId}
                data-testid="problem-item"
                data-node-id={issue.nodeId ?? ''}
                data-code={issue.code}
              >
                {issue.severity === 'error' ? <CrossCircledIcon color="var(--red-11)" /> : <ExclamationTriangleIcon color="var(--amber-11)" />}
                <Text size="2">{issue.message}</Text>
                {stepTitles[i] && (
                  <Text size="1" color="gray" className="problem-node">
                    {stepTitles[i]}
                  </Text>
                )}
              </button>
              <details className="problem-details">
                <summary>Подробности</summary>
                <Text size="1" color="gray" className="problem-code" data-code>
                  Код: {issue.code}
                </Text>
              </details>
            </div>
          ))}
        </ScrollArea>
      )}
    </section>
  );
}
