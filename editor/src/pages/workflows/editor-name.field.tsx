import { TextField } from '@radix-ui/themes';
import { useEditor } from '../../store/editor-store.context.tsx';

/** The rule's name, edited in place; saved together with the graph. */
export function EditorNameField() {
  const name = useEditor((s) => s.name);
  const setName = useEditor((s) => s.setName);
  return (
    <TextField.Root
      className="editor-name"
      variant="soft"
      color="gray"
      size="2"
      value={name}
      maxLength={200}
      placeholder="Название правила"
      aria-label="Название правила"
      data-testid="editor-name"
      onChange={(e) => setName(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') (e.target as HTMLInputElement).blur();
      }}
    />
  );
}
