import { useMemo, useState } from 'react';
import { Box, Callout, Flex, IconButton, ScrollArea, Tabs, Text, TextField, Tooltip } from '@radix-ui/themes';
import { ExclamationTriangleIcon, TrashIcon } from '@radix-ui/react-icons';
import { outputsOf } from '../../../../core/graph/node-catalog.ts';
import { nodeTypeKey } from '../../api/node-types.api.ts';
import { NodeKindIcon } from '../../canvas/node-kind-icon.component.tsx';
import { KIND_STYLE, STEP_STATUS_STYLE } from '../../canvas/node-kind.style.ts';
import { SchemaForm } from '../../forms/schema-form.component.tsx';
import type { FieldIssue } from '../../forms/form-env.context.ts';
import { useEditor } from '../../store/editor-store.context.tsx';
import { propPathOf } from '../../store/editor-issues.util.ts';
import { NodeStepResult } from './node-step-result.component.tsx';
import { useFieldPaths } from './use-field-paths.hook.ts';

const NO_ISSUES: never[] = [];

/** The right panel (only while a node is selected): label, props form and its last test result. */
export function NodeInspector() {
  const nodeId = useEditor((s) => s.selectedNodeId);
  const data = useEditor((s) => (s.selectedNodeId ? s.nodes.find((n) => n.id === s.selectedNodeId)?.data : undefined));
  const info = useEditor((s) => (data ? s.nodeTypes[nodeTypeKey(data.type, data.version)] : undefined));
  const issues = useEditor((s) => (s.selectedNodeId ? s.nodeIssues[s.selectedNodeId] : undefined)) ?? NO_ISSUES;
  const step = useEditor((s) => (s.selectedNodeId ? s.stepsByNode[s.selectedNodeId] : undefined));
  const updateNodeProps = useEditor((s) => s.updateNodeProps);
  const setNodeLabel = useEditor((s) => s.setNodeLabel);
  const removeNode = useEditor((s) => s.removeNode);
  const fieldPaths = useFieldPaths(nodeId);
  const [tab, setTab] = useState('settings');

  const { fieldIssues, nodeLevel } = useMemo(() => {
    const props = Object.keys((info?.propsSchema as { properties?: object } | undefined)?.properties ?? {});
    const fieldIssues: FieldIssue[] = [];
    const nodeLevel = [];
    for (const i of issues) {
      const path = propPathOf(i);
      if (path && props.includes(path.split('.')[0])) fieldIssues.push({ path, message: i.message, severity: i.severity });
      else nodeLevel.push(i);
    }
    return { fieldIssues, nodeLevel };
  }, [issues, info]);

  if (!nodeId || !data) return null;

  const branchTitle = step?.branch && info ? outputsOf(info, data.props).find((p) => p.id === step.branch)?.title : undefined;
  return (
    <aside className="editor-inspector" data-testid="inspector" data-node-id={nodeId}>
      <Flex gap="3" align="center" p="3" className="inspector-header">
        <NodeKindIcon kind={info?.kind} info={info} size={32} />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text as="div" size="2" weight="bold" truncate>
            {data.label?.trim() || info?.title || 'Неизвестный шаг'}
          </Text>
          <Text as="div" size="1" color="gray" truncate>
            {info ? (data.label?.trim() ? `${info.title} · ${KIND_STYLE[info.kind].title}` : KIND_STYLE[info.kind].title) : 'Неизвестный тип'}
          </Text>
        </Box>
         <Tooltip content="Удалить шаг (Delete)">
          <IconButton variant="ghost" color="red" aria-label="Удалить шаг" onClick={() => removeNode(nodeId)} data-testid="inspector-delete">
            <TrashIcon />
          </IconButton>
        </Tooltip>
      </Flex>
      <Tabs.Root value={step ? tab : 'settings'} onValueChange={setTab} className="inspector-tabs">
        <Tabs.List size="1">
          <Tabs.Trigger value="settings">Настройки</Tabs.Trigger>
          <Tabs.Trigger value="result" disabled={!step} data-testid="inspector-tab-result">
            Результат теста
            {step && <span className="tab-status-dot" style={{ background: STEP_STATUS_STYLE[step.status].color }} />}
          </Tabs.Trigger>
        </Tabs.List>
        <ScrollArea type="auto" scrollbars="vertical" className="inspector-scroll">
          <Box p="3">
            <Tabs.Content value="settings">
              <Flex direction="column" gap="4">
                {info?.description && (
                  <Text size="1" color="gray">
                    {info.description}
                  </Text>
                )}
                {nodeLevel.map((i, k) => (
                  <Callout.Root key={k} color={i.severity === 'error' ? 'red' : 'amber'} size="1">
                    <Callout.Icon>
                      <ExclamationTriangleIcon />
                    </Callout.Icon>
                    <Callout.Text>{i.message}</Callout.Text>
                  </Callout.Root>
                ))}
                <Flex direction="column" gap="1">
                  <Text as="label" size="2" weight="medium" htmlFor="inspector-label">
                    Название шага
                  </Text>
                  <TextField.Root
                    id="inspector-label"
                    value={data.label ?? ''}
                    placeholder={info?.title ?? 'Название'}
                    maxLength={200}
                    onChange={(e) => setNodeLabel(nodeId, e.target.value)}
                    data-testid="inspector-label"
                  />
                </Flex>
                {info ? (
                  <SchemaForm
                    key={nodeId}
                    schema={info.propsSchema}
                    value={data.props}
                    onChange={(props) => updateNodeProps(nodeId, props)}
                    issues={fieldIssues}
                    fieldPaths={fieldPaths}
                  />
                ) : (
                  <Text size="2" color="gray">
                    Настройки недоступны: такой шаг больше не установлен на сервере. Удалите его или замените другим.
                  </Text>
                )}
              </Flex>
            </Tabs.Content>
            <Tabs.Content value="result">
              <NodeStepResult step={step} branchTitle={branchTitle} />
            </Tabs.Content>
          </Box>
        </ScrollArea>
      </Tabs.Root>
    </aside>
  );
}
