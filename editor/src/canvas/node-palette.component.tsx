import { useMemo, useState } from 'react';
import { Box, Flex, ScrollArea, Text, TextField, Tooltip } from '@radix-ui/themes';
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import type { PluginInfo } from '../api/node-types.api.ts';
import { NodeKindIcon } from './node-kind-icon.component.tsx';
import { PALETTE_MIME, useAddNode } from './use-add-node.hook.ts';
import './node-palette.css';

interface Props {
  plugins: PluginInfo[];
  nodeTypes: NodeTypeInfo[];
}

const KIND_ORDER = { trigger: 0, condition: 1, action: 2 };

/** Node types grouped by plugin; click adds next to the selection, drag drops onto the canvas. */
export function NodePalette({ plugins, nodeTypes }: Props) {
  const [query, setQuery] = useState('');
  const { addByClick } = useAddNode();
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const match = (n: NodeTypeInfo) =>
      !q || n.title.toLowerCase().includes(q) || n.description.toLowerCase().includes(q) || n.type.toLowerCase().includes(q);
    const known = new Map(plugins.map((p) => [p.id, p]));
    const byPlugin = new Map<string, NodeTypeInfo[]>();
    for (const n of nodeTypes.filter(match)) byPlugin.set(n.plugin, [...(byPlugin.get(n.plugin) ?? []), n]);
    const order = [...plugins.map((p) => p.id), ...[...byPlugin.keys()].filter((id) => !known.has(id))];
    return order
      .filter((id) => byPlugin.has(id))
      .map((id) => ({
        id,
        title: known.get(id)?.title ?? id,
        nodes: byPlugin.get(id)!.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title, 'ru')),
      }));
  }, [plugins, nodeTypes, query]);

  return (
    <Flex direction="column" className="editor-palette" data-testid="palette">
      <Box p="3" pb="2">
        <Text as="div" size="2" weight="bold" mb="2">
          Узлы
        </Text>
        <TextField.Root size="2" placeholder="Поиск узла" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="palette-search" aria-label="Поиск узла">
          <TextField.Slot>
            <MagnifyingGlassIcon />
          </TextField.Slot>
        </TextField.Root>
      </Box>
      <ScrollArea type="auto" scrollbars="vertical" style={{ flex: 1 }}>
        <Box px="3" pb="3">
          {groups.length === 0 && (
            <Text as="p" size="1" color="gray" mt="2">
              {nodeTypes.length === 0 ? 'Сервер не вернул ни одного типа узлов' : 'Ничего не найдено'}
            </Text>
          )}
          {groups.map((g) => (
            <Box key={g.id} mb="3">
              <Text as="div" size="1" color="gray" weight="medium" className="palette-group-title">
                {g.title}
              </Text>
              {g.nodes.map((n) => (
                <Tooltip key={n.type} content={n.description || n.title} side="right" delayDuration={500}>
                  <button
                    type="button"
                    className="palette-item"
                    data-testid={`palette-${n.type}`}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, n.type);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onClick={() => addByClick(n)}
                    aria-label={`Добавить узел «${n.title}»`}
                  >
                    <NodeKindIcon kind={n.kind} info={n} size={24} />
                    <span className="palette-item-title">{n.title}</span>
                  </button>
                </Tooltip>
              ))}
            </Box>
          ))}
        </Box>
      </ScrollArea>
      <Text size="1" color="gray" className="palette-hint">
        Нажмите, чтобы добавить после выбранного шага, или перетащите на холст. Связь, протянутая в пустое место, предложит следующий шаг.
      </Text>
    </Flex>
  );
}
