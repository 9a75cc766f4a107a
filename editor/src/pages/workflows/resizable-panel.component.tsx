import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { IconButton, Tooltip } from '@radix-ui/themes';
import { DoubleArrowLeftIcon, DoubleArrowRightIcon } from '@radix-ui/react-icons';

interface Props {
  side: 'left' | 'right';
  /** localStorage key prefix: `<key>.width`, `<key>.collapsed`. */
  storageKey: string;
  defaultWidth: number;
  min: number;
  max: number;
  /** Russian name of the panel for the buttons: «список узлов», «настройки узла». */
  title: string;
  className?: string;
  testId: string;
  children: ReactNode;
}

const read = (key: string, fallback: number) => {
  const v = Number(localStorage.getItem(key));
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(v)));

/**
 * A side panel of the editor the user may widen, narrow (drag its inner edge, or arrows on it)
 * or fold to a thin rail; both remembered in localStorage, so the canvas keeps its room.
 */
export function ResizablePanel({ side, storageKey, defaultWidth, min, max, title, className, testId, children }: Props) {
  const [width, setWidth] = useState(() => clamp(read(`${storageKey}.width`, defaultWidth), min, max));
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(`${storageKey}.collapsed`) === '1');
  const drag = useRef<{ x: number; width: number } | null>(null);

  useEffect(() => localStorage.setItem(`${storageKey}.width`, String(width)), [storageKey, width]);
  useEffect(() => localStorage.setItem(`${storageKey}.collapsed`, collapsed ? '1' : '0'), [storageKey, collapsed]);

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { x: e.clientX, width };
    },
    [width],
  );
  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      if (!drag.current) return;
      const dx = e.clientX - drag.current.x;
      setWidth(clamp(drag.current.width + (side === 'left' ? dx : -dx), min, max));
    },
    [side, min, max],
  );
  const onPointerUp = useCallback(() => {
    drag.current = null;
  }, []);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
      const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
      if (e.key === grow) setWidth((w) => clamp(w + 20, min, max));
      else if (e.key === shrink) setWidth((w) => clamp(w - 20, min, max));
      else return;
      e.preventDefault();
    },
    [side, min, max],
  );

  const FoldIcon = side === 'left' ? DoubleArrowLeftIcon : DoubleArrowRightIcon;
  const OpenIcon = side === 'left' ? DoubleArrowRightIcon : DoubleArrowLeftIcon;

  if (collapsed) {
    return (
      <div className={`editor-panel-rail ${side}`} data-testid={`${testId}-rail`}>
        <Tooltip content={`Показать ${title}`} side={side === 'left' ? 'right' : 'left'}>
          <IconButton size="1" variant="ghost" color="gray" aria-label={`Показать ${title}`} onClick={() => setCollapsed(false)} data-testid={`${testId}-expand`}>
            <OpenIcon />
          </IconButton>
        </Tooltip>
        <span className="editor-panel-rail-title">{title}</span>
      </div>
    );
  }

  return (
    <div className={`editor-panel ${side} ${className ?? ''}`} style={{ width }} data-testid={testId}>
      {children}
      <Tooltip content={`Скрыть ${title}`} side={side === 'left' ? 'right' : 'left'}>
        <IconButton
          size="1"
          variant="ghost"
          color="gray"
          className="editor-panel-fold"
          aria-label={`Скрыть ${title}`}
          onClick={() => setCollapsed(true)}
          data-testid={`${testId}-collapse`}
        >
          <FoldIcon />
        </IconButton>
      </Tooltip>
      <div
        className="editor-panel-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Ширина: ${title}`}
        aria-valuenow={width}
        aria-valuemin={min}
        aria-valuemax={max}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-resize`}
      />
    </div>
  );
}
