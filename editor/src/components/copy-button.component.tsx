import { useEffect, useState } from 'react';
import { IconButton, Tooltip } from '@radix-ui/themes';
import { CheckIcon, CopyIcon } from '@radix-ui/react-icons';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

interface Props {
  text: string;
  label?: string;
}

/** Copies `text` to the clipboard and confirms with a check mark for a moment. */
export function CopyButton({ text, label = 'Копировать' }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);

  return (
    <Tooltip content={copied ? 'Скопировано' : label}>
      <IconButton
        size="1"
        variant="ghost"
        color={copied ? 'green' : 'gray'}
        aria-label={copied ? 'Скопировано' : label}
        onClick={(e) => {
          e.stopPropagation();
          copyText(text).then(() => setCopied(true), () => setCopied(false));
        }}
      >
        {copied ? <CheckIcon /> : <CopyIcon />}
      </IconButton>
    </Tooltip>
  );
}
