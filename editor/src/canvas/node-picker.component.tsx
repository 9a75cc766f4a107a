import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, ScrollArea, Text, TextField } from '@radix-ui/themes';
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { NodeKindIcon } from './node-kind-icon.component.tsx';

interface Props {
  /** Where the connection was dropped, relative to the canvas. */
  at: { x: number; y: number };
  /** The canvas size, to keep the picker inside it. */
  bounds: { width: number; height: number };
  types: NodeTypeInfo[];
  /** «Что добавить после «Условие» (Да)?» */
  title: string;
  onPick: (info: NodeTypeInfo) => void;
  onClose: () => void;
}

const WIDTH = 300;
const HEIGHT = 340;

/** The node picker a connection dropped on empty canvas opens: only steps that may connect there. */
export function NodePicker({ at, bounds, types, title, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return types.filter((t) => !q || t.title.toLowerCase().includes(q) || t.description.toLowerCase().includes(q));
  }, [types, query]);

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    // After the pointer-up that opened the picker.
    const t = setTimeout(() => document.addEventListener('pointerdown', away), 0);
    return () => {
      clearTimeout(t);
      document.removeEventListener('pointerdown', away);
    };
  }, [onClose]);

  const left = Math.max(8, Math.min(at.x, bounds.width - WIDTH - 8));
  const top = Math.max(8, Math.min(at.y, bounds.height - HEIGHT - 8));
  return (
    <div
      ref={ref}
      className="node-picker"
      style={{ left, top, width: WIDTH }}
      role="dialog"
      aria-label={title}
      data-testid="node-picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
        if (e.key === 'Enter' && shown[0]) onPick(shown[0]);
      }}
    >
      <Text as="div" size="2" weight="medium" mb="2">
        {title}
      </Text>
      <TextField.Root size="2" placeholder="Поиск шага" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus aria-label="Поиск шага" data-testid="node-picker-search">
        <TextField.Slot>
          <MagnifyingGlassIcon />
        </TextField.Slot>
      </TextField.Root>
      <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: HEIGHT - 90, marginTop: 8 }}>
        <Box pr="2">
          {shown.length === 0 && (
            <Text as="p" size="2" color="gray" my="2">
              Подходящих шагов нет
            </Text>
          )}
          {shown.map((t) => (
            <button key={`${t.type}@${t.version}`} type="button" className="palette-item" onClick={() => onPick(t)} data-testid={`node-picker-${t.type}`}>
              <NodeKindIcon kind={t.kind} info={t} size={24} />
              <span className="palette-item-title">{t.title}</span>
            </button>
          ))}
        </Box>
      </ScrollArea>
    </div>
  );
}
