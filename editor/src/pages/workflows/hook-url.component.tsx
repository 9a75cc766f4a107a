import { Code, Flex, IconButton, Popover, Text, Tooltip } from '@radix-ui/themes';
import { Link2Icon } from '@radix-ui/react-icons';
import { CopyButton } from '../../components/copy-button.component.tsx';
import { useEditor } from '../../store/editor-store.context.tsx';

/**
 * The webhook address to paste into the website or CRM: a button in the toolbar (it never takes
 * the toolbar's room) opening the full address with «копировать».
 */
export function HookUrl() {
  const hookUrl = useEditor((s) => s.meta?.hookUrl ?? null);
  if (!hookUrl) return null;
  return (
    <Popover.Root>
      <Tooltip content="Адрес вебхука">
        <Popover.Trigger>
          <IconButton variant="soft" color="gray" aria-label="Адрес вебхука" data-testid="editor-hook">
            <Link2Icon />
          </IconButton>
        </Popover.Trigger>
      </Tooltip>
      <Popover.Content width="460px" align="end" data-testid="editor-hook-popover">
        <Text as="p" size="2" weight="medium" mb="1">
          Адрес вебхука
        </Text>
        <Text as="p" size="1" color="gray" mb="2">
          Укажите его на сайте или в CRM: события, отправленные сюда, запускают правило, пока оно включено.
        </Text>
        <Flex align="center" gap="2">
          <Code size="2" variant="soft" color="gray" className="editor-hook-url" data-testid="editor-hook-url">
            {hookUrl}
          </Code>
          <span data-testid="editor-hook-copy">
            <CopyButton text={hookUrl} label="Скопировать адрес вебхука" />
          </span>
        </Flex>
      </Popover.Content>
    </Popover.Root>
  );
}
