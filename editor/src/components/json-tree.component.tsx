import { useState } from 'react';
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import { plural } from './date-format.util.ts';

const CHUNK = 100;

interface NodeProps {
  name?: string | number;
  value: unknown;
  depth: number;
  /** Nodes shallower than this start expanded. */
  openDepth: number;
  last: boolean;
}

function Key({ name }: { name?: string | number }) {
  if (name === undefined) return null;
  return (
    <>
      <span className={typeof name === 'number' ? 'json-index' : 'json-key'}>
        {typeof name === 'number' ? name : JSON.stringify(name)}
      </span>
      <span className="json-punct">: </span>
    </>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (value === null) return <span className="json-null">null</span>;
  switch (typeof value) {
    case 'string':
      return <span className="json-string">{JSON.stringify(value)}</span>;
    case 'number':
      return <span className="json-number">{String(value)}</span>;
    case 'boolean':
      return <span className="json-boolean">{String(value)}</span>;
    case 'undefined':
      // Not a JSON value: the field is absent. Said in words rather than as JS's `undefined`.
      return <span className="json-null">не задано</span>;
    default:
      return <span className="json-string">{String(value)}</span>;
  }
}

function summary(value: object): string {
  if (Array.isArray(value)) return `${value.length} ${plural(value.length, ['элемент', 'элемента', 'элементов'])}`;
  const n = Object.keys(value).length;
  return `${n} ${plural(n, ['поле', 'поля', 'полей'])}`;
}

/** One line of the tree; objects and arrays fold. */
export function JsonNode({ name, value, depth, openDepth, last }: NodeProps) {
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(CHUNK);
  const comma = last ? null : <span className="json-punct">,</span>;

  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-line" style={{ paddingLeft: depth * 16 + 18 }}>
        <Key name={name} />
        <Primitive value={value} />
        {comma}
      </div>
    );
  }

  const isArray = Array.isArray(value);
  const entries: [string | number, unknown][] = isArray
    ? (value as unknown[]).map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  const [openB, closeB] = isArray ? ['[', ']'] : ['{', '}'];

  if (entries.length === 0) {
    return (
      <div className="json-line" style={{ paddingLeft: depth * 16 + 18 }}>
        <Key name={name} />
        <span className="json-punct">{openB + closeB}</span>
        {comma}
      </div>
    );
  }

  return (
    <>
      <button
        type="button"
        className="json-line json-toggle"
        style={{ paddingLeft: depth * 16 }}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={open ? 'Свернуть' : 'Развернуть'}
      >
        <span className="json-chevron">{open ? <ChevronDownIcon /> : <ChevronRightIcon />}</span>
        <Key name={name} />
        <span className="json-punct">{openB}</span>
        {open ? null : (
          <>
            <span className="json-summary"> {summary(value)} </span>
            <span className="json-punct">{closeB}</span>
            {comma}
          </>
        )}
      </button>
      {open ? (
        <>
          {entries.slice(0, shown).map(([k, v], i) => (
            <JsonNode
              key={k}
              name={k}
              value={v}
              depth={depth + 1}
              openDepth={openDepth}
              last={i === entries.length - 1}
            />
          ))}
          {entries.length > shown ? (
            <button
              type="button"
              className="json-line json-more"
              style={{ paddingLeft: (depth + 1) * 16 + 18 }}
              onClick={() => setShown((s) => s + CHUNK)}
            >
              Показать ещё {Math.min(CHUNK, entries.length - shown)} из {entries.length - shown}
            </button>
          ) : null}
          <div className="json-line" style={{ paddingLeft: depth * 16 + 18 }}>
            <span className="json-punct">{closeB}</span>
            {comma}
          </div>
        </>
      ) : null}
    </>
  );
}
