import { useRef, useState } from 'react';
import { Button } from '@radix-ui/themes';
import { UploadIcon } from '@radix-ui/react-icons';
import { workflowsApi, type Workflow } from '../../api/workflows.api.ts';
import { errorMessage, toast } from '../../store/editor-toast.store.ts';

/** «Импорт»: reads an exported JSON file and creates a rule from it. */
export function ImportWorkflowButton({ onImported }: { onImported: (workflow: Workflow) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
    setBusy(true);
    try {
      if (file.size > 5 * 1024 * 1024) throw new Error('Файл больше 5 МБ: это не похоже на экспорт правила');
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch {
        throw new Error('Файл не является корректным JSON');
      }
      const workflow = await workflowsApi.importOne(data);
      toast.success(`Правило «${workflow.name}» импортировано`);
      onImported(workflow);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="rules-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void onFile(file);
        }}
      />
      <Button variant="soft" color="gray" loading={busy} onClick={() => input.current?.click()} data-testid="rules-import">
        <UploadIcon /> Импорт
      </Button>
    </>
  );
}
