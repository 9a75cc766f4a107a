import { useEffect, useState, type FormEvent } from 'react';
import { Button, Dialog, Flex, Text, TextField } from '@radix-ui/themes';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../store/editor-toast.store.ts';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  submitLabel: string;
  initialName?: string;
  onSubmit: (name: string) => Promise<void>;
}

/** Asks for a rule name: used by «Создать правило» and «Переименовать». */
export function WorkflowNameDialog({ open, onOpenChange, title, description, submitLabel, initialName = '', onSubmit }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setName(initialName);
      setError(null);
    }
  }, [open, initialName]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Введите название правила');
    if (trimmed.length > 200) return setError('Название не длиннее 200 символов');
    setBusy(true);
    try {
      await onSubmit(trimmed);
      onOpenChange(false);
    } catch (err) {
      setError(err instanceof ApiError ? (err.field('name') ?? err.message) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Content maxWidth="440px" data-testid="workflow-name-dialog">
        <Dialog.Title>{title}</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="4">
          {description ?? 'Название видно в списке правил и в журнале запусков.'}
        </Dialog.Description>
        <form onSubmit={submit}>
          <TextField.Root
            autoFocus
            placeholder="Например, «Заявки с сайта в AmoCRM»"
            value={name}
            onChange={(e) => setName(e.target.value)}
            color={error ? 'red' : undefined}
            aria-label="Название правила"
            data-testid="workflow-name-input"
          />
          {error && (
            <Text as="p" size="1" color="red" mt="1">
              {error}
            </Text>
          )}
          <Flex gap="3" mt="4" justify="end">
            <Dialog.Close>
              <Button variant="soft" color="gray" type="button">
                Отмена
              </Button>
            </Dialog.Close>
            <Button type="submit" loading={busy} data-testid="workflow-name-submit">
              {submitLabel}
            </Button>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
