import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@radix-ui/themes';
import { ReloadIcon, StopIcon } from '@radix-ui/react-icons';
import { isRunActive, runsApi, type Run } from '../../api/runs.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.component.tsx';

interface Props {
  run: Run;
  /** Ask the server again after an action that kept the same run. */
  onChanged: () => void;
  backState: unknown;
}

/** «Повторить» for failed runs and «Отменить» for queued/running ones, each behind a confirmation. */
export function RunActions({ run, onChanged, backState }: Props) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'retry' | 'cancel' | null>(null);

  const retry = async () => {
    const next = await runsApi.retry(run.id);
    if (next.id !== run.id) navigate(`/logs/runs/${encodeURIComponent(next.id)}`, { state: backState });
    else onChanged();
  };
  const cancel = async () => {
    await runsApi.cancel(run.id);
    onChanged();
  };

  return (
    <>
      {run.status === 'failed' ? (
        <Button onClick={() => setDialog('retry')}>
          <ReloadIcon /> Повторить
        </Button>
      ) : null}
      {isRunActive(run.status) ? (
        <Button color="red" variant="soft" onClick={() => setDialog('cancel')}>
          <StopIcon /> Отменить
        </Button>
      ) : null}
      <ConfirmDialog
        open={dialog === 'retry'}
        onOpenChange={(o) => setDialog(o ? 'retry' : null)}
        title="Повторить запуск?"
        description="Запуск продолжится с шага, на котором произошла ошибка. Шаги, которые уже выполнились успешно, повторно не выполняются."
        confirmLabel="Повторить"
        onConfirm={retry}
      />
      <ConfirmDialog
        open={dialog === 'cancel'}
        onOpenChange={(o) => setDialog(o ? 'cancel' : null)}
        title="Отменить запуск?"
        description="Оставшиеся шаги не будут выполнены. Действия, которые уже успели выполниться (например, созданная сделка), не откатываются."
        confirmLabel="Отменить запуск"
        color="red"
        onConfirm={cancel}
      />
    </>
  );
}
