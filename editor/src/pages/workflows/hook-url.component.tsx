import { Code, Flex, Text, Tooltip } from '@radix-ui/themes';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { useEditor } from '../../store/editor-store.context.tsx';

/** The webhook address to paste into the website/CRM, with a copy button. */
export function HookUrl() {
  const hookUrl = useEditor((s) => s.meta?.hookUrl ?? null);
  if (!hookUrl) return null;
  return (
    <Flex align="center" gap="1" className="editor-hook" data-testid="editor-hook">
      <Text size="1" color="gray">
        Вебхук
      </Text>
      <Tooltip content={hookUrl}>
        <Code size="1" variant="soft" color="gray" className="editor-hook-url" data-testid="editor-hook-url">
          {hookUrl}
        </Code>
      </Tooltip>
      <span data-testid="editor-hook-copy">
        <CopyButton text={hookUrl} label="Скопировать адрес вебхука" />
      </span>
    </Flex>
  );
}
