import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { AlertDialog, Button, Flex } from '@radix-ui/themes';
import { useEditorApi } from '../../store/editor-store.context.tsx';

/** Asks before leaving the editor with unsaved changes: router navigation and tab close/reload. */
export function UnsavedChangesGuard({ save }: { save: () => Promise<boolean> }) {
  const api = useEditorApi();
  const [saving, setSaving] = useState(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => api.getState().dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!api.getState().dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [api]);

  const open = blocker.state === 'blocked';
  return (
    <AlertDialog.Root open={open} onOpenChange={(o) => !o && blocker.state === 'blocked' && blocker.reset()}>
      <AlertDialog.Content maxWidth="480px" data-testid="unsaved-dialog">
        <AlertDialog.Title>Есть несохранённые изменения</AlertDialog.Title>
        <AlertDialog.Description size="2">
          Если уйти сейчас, изменения в правиле пропадут. Сохранить их перед уходом?
        </AlertDialog.Description>
        <Flex gap="3" mt="4" justify="end" wrap="wrap">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray" data-testid="unsaved-stay">
              Остаться
            </Button>
          </AlertDialog.Cancel>
          <Button variant="soft" color="red" data-testid="unsaved-discard" onClick={() => blocker.state === 'blocked' && blocker.proceed()}>
            Уйти без сохранения
          </Button>
          <Button
            loading={saving}
            data-testid="unsaved-save"
            onClick={async () => {
              setSaving(true);
              const ok = await save();
              setSaving(false);
              if (blocker.state !== 'blocked') return;
              if (ok) blocker.proceed();
              else blocker.reset();
            }}
          >
            Сохранить и уйти
          </Button>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
