import { useEffect, useRef, useState } from 'react';
import { IconButton, TextField } from '@radix-ui/themes';
import { Cross2Icon, MagnifyingGlassIcon } from '@radix-ui/react-icons';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  ariaLabel: string;
  delayMs?: number;
  width?: number;
}

/** A text filter that reports its value after the user stops typing. */
export function SearchField({ value, onChange, placeholder, ariaLabel, delayMs = 400, width = 220 }: Props) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // The URL changed from elsewhere (reset, back button): follow it.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === lastSent.current) return;
    const t = setTimeout(() => {
      lastSent.current = text;
      onChangeRef.current(text.trim());
    }, delayMs);
    return () => clearTimeout(t);
  }, [text, delayMs]);

  return (
    <TextField.Root
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={placeholder}
      aria-label={ariaLabel}
      style={{ width }}
    >
      <TextField.Slot>
        <MagnifyingGlassIcon />
      </TextField.Slot>
      {text ? (
        <TextField.Slot>
          <IconButton size="1" variant="ghost" color="gray" aria-label="Очистить" onClick={() => setText('')}>
            <Cross2Icon />
          </IconButton>
        </TextField.Slot>
      ) : null}
    </TextField.Root>
  );
}
