import { useState, type ReactNode } from 'react';
import { AlertDialog, Button, Flex } from '@radix-ui/themes';
import { ErrorCallout } from './error-callout.component.tsx';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  color?: 'red' | 'violet' | 'orange';
  /** Runs the action; the dialog closes when it resolves and shows the error when it throws. */
  onConfirm: () => Promise<void>;
}

/** «Вы уверены?» dialog with a pending state and the server error inside. */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, color = 'violet', onConfirm }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const change = (next: boolean) => {
    if (pending) return;
    if (!next) setError(null);
    onOpenChange(next);
  };

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onOpenChange(false);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <AlertDialog.Root open={open} onOpenChange={change}>
      <AlertDialog.Content maxWidth="460px">
        <AlertDialog.Title>{title}</AlertDialog.Title>
        <AlertDialog.Description size="2" color="gray">
          {description}
        </AlertDialog.Description>
        {error ? (
          <Flex mt="3">
            <ErrorCallout error={error} />
          </Flex>
        ) : null}
        <Flex gap="3" mt="4" justify="end">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray" disabled={pending}>
              Отмена
            </Button>
          </AlertDialog.Cancel>
          <Button color={color} loading={pending} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
