import { useMemo, useState } from 'react';
import { Badge, Button, Flex, Text, Tooltip } from '@radix-ui/themes';
import { ScissorsIcon } from '@radix-ui/react-icons';
import { CopyButton } from './copy-button.component.tsx';
import { JsonNode } from './json-tree.component.tsx';

interface Props {
  value: unknown;
  title?: string;
  /** The server cut the data to fit its limits. */
  truncated?: boolean;
  /** How many levels start expanded (default 2). */
  openDepth?: number;
  maxHeight?: number;
  /** Shown when the value is null/undefined. */
  emptyText?: string;
}

/** Pretty, foldable JSON with a copy button and a «Данные обрезаны» badge. */
export function JsonViewer({ value, title, truncated, openDepth = 2, maxHeight = 420, emptyText = 'Нет данных' }: Props) {
  const [mode, setMode] = useState({ depth: openDepth, version: 0 });
  const text = useMemo(() => {
    if (value === undefined) return '';
    try {
      return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    } catch {
      return String(value);
    }
  }, [value]);
  const empty = value === undefined || value === null;
  const foldable = !empty && typeof value === 'object';

  return (
    <div className="json-viewer">
      <Flex align="center" justify="between" gap="2" className="json-viewer-header">
        <Flex align="center" gap="2">
          {title ? (
            <Text size="1" weight="medium" color="gray">
              {title}
            </Text>
          ) : null}
          {truncated ? (
            <Tooltip content="Сервер сохранил только часть данных: они были слишком большими">
              <Badge color="amber" variant="soft" size="1">
                <ScissorsIcon /> Данные обрезаны
              </Badge>
            </Tooltip>
          ) : null}
        </Flex>
        <Flex align="center" gap="3">
          {foldable ? (
            <>
              <Button size="1" variant="ghost" color="gray" onClick={() => setMode((m) => ({ depth: 99, version: m.version + 1 }))}>
                Развернуть всё
              </Button>
              <Button size="1" variant="ghost" color="gray" onClick={() => setMode((m) => ({ depth: 0, version: m.version + 1 }))}>
                Свернуть всё
              </Button>
            </>
          ) : null}
          {!empty ? <CopyButton text={text} label="Копировать JSON" /> : null}
        </Flex>
      </Flex>
      <div className="json-viewer-body" style={{ maxHeight }}>
        {empty ? (
          <Text size="1" color="gray" className="json-empty">
            {emptyText}
          </Text>
        ) : (
          <div key={mode.version} className="json-tree">
            <JsonNode value={value} depth={0} openDepth={mode.depth} last />
          </div>
        )}
      </div>
    </div>
  );
}
