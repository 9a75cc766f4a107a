import { Code, Flex, Tooltip } from '@radix-ui/themes';
import { Link2Icon } from '@radix-ui/react-icons';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { useEditor } from '../../store/editor-store.context.tsx';

/** The webhook address to paste into the website/CRM, with a copy button. */
export function HookUrl() {
  const hookUrl = useEditor((s) => s.meta?.hookUrl ?? null);
  if (!hookUrl) return null;
  return (
    <Flex align="center" gap="1" className="editor-hook" data-testid="editor-hook">
      <Tooltip content={`Адрес вебхука: ${hookUrl}`}>
        <Link2Icon color="var(--gray-10)" aria-label="Адрес вебхука" />
      </Tooltip>
      <Tooltip content={hookUrl}>
        <Code size="1" variant="soft" color="gray" className="editor-hook-url" data-testid="editor-hook-url">
          {hookUrl}
        </Code>
      </Tooltip>
      <span data-testid="editor-hook-copy" className="editor-hook-copy">
        <CopyButton text={hookUrl} label="Скопировать адрес вебхука" />
      </span>
    </Flex>
  );
}
