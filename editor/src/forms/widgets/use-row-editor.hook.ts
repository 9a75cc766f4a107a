import { useEffect, useRef, useState } from 'react';

/**
 * Rows edited locally (a half-typed row with an empty key must survive) and emitted as the form
 * value; a value from outside (undo, paste) replaces the rows, our own echo does not.
 */
export function useRowEditor<Row>(value: unknown, toRows: (value: unknown) => Row[], toValue: (rows: Row[]) => unknown, onChange: (value: unknown) => void) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const lastEmitted = useRef<unknown>(value);

  useEffect(() => {
    if (value !== lastEmitted.current) setRows(toRows(value));
    // toRows is a pure module function; only a new value matters.
  }, [value]);

  const emit = (next: Row[]) => {
    setRows(next);
    const out = toValue(next);
    lastEmitted.current = out;
    onChange(out);
  };
  return { rows, setRows, emit };
}
