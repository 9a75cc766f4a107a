import { useState } from 'react';
import { AlertDialog, Button, Flex } from '@radix-ui/themes';
import type { WorkflowSummary } from '../../api/workflows.api.ts';

interface Props {
  workflow: WorkflowSummary | null;
  onOpenChange: (open: boolean) => void;
  onConfirm: (workflow: WorkflowSummary) => Promise<void>;
}

export function DeleteWorkflowDialog({ workflow, onOpenChange, onConfirm }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <AlertDialog.Root open={workflow !== null} onOpenChange={onOpenChange}>
      <AlertDialog.Content maxWidth="460px" data-testid="delete-workflow-dialog">
        <AlertDialog.Title>Удалить правило?</AlertDialog.Title>
        <AlertDialog.Description size="2">
          Правило «{workflow?.name}» будет удалено вместе с версиями. Входящие вебхуки перестанут приниматься. Это
          действие нельзя отменить.
        </AlertDialog.Description>
        <Flex gap="3" mt="4" justify="end">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray">
              Отмена
            </Button>
          </AlertDialog.Cancel>
          <Button
            color="red"
            loading={busy}
            data-testid="confirm-delete"
            onClick={async () => {
              if (!workflow) return;
              setBusy(true);
              try {
                await onConfirm(workflow);
                onOpenChange(false);
              } catch {
                /* the page shows the error; keep the dialog open */
              } finally {
                setBusy(false);
              }
            }}
          >
            Удалить
          </Button>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
