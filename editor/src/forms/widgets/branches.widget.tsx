import { Button, Card, Flex, IconButton, Text, TextField, Tooltip } from '@radix-ui/themes';
import { PlusIcon, TrashIcon } from '@radix-ui/react-icons';
import { resolveSchema, type JsonSchema } from '../json-schema.util.ts';
import { useFormEnv, useIssuesAt } from '../form-env.context.ts';
import { ConditionGroupEditor, emptyGroup } from './condition-group.widget.tsx';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

type Branch = Record<string, unknown>;

/** Which keys hold the id, the name and the condition group of a branch (from the item schema). */
function keysOf(items: JsonSchema, root: JsonSchema) {
  const props = resolveSchema(items, root).properties ?? {};
  const keys = Object.keys(props);
  const groupKey = keys.find((k) => resolveSchema(props[k], root)['x-widget'] === 'condition-group') ?? 'group';
  const nameKey = keys.find((k) => k === 'name' || k === 'title') ?? 'name';
  return { groupKey, nameKey, idKey: 'id' };
}

function nextBranchId(branches: Branch[]): string {
  let max = 0;
  for (const b of branches) {
    const m = /^b(\d+)$/.exec(String(b.id ?? ''));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `b${Math.max(max, branches.length) + 1}`;
}

function BranchName({ path, value, onChange }: { path: string; value: string; onChange: (v: string) => void }) {
  const issues = useIssuesAt(path);
  return (
    <Flex direction="column" gap="1" style={{ flex: 1 }}>
      <TextField.Root
        size="2"
        aria-label="Название ветки"
        placeholder="Название ветки"
        value={value}
        color={issues.length ? 'red' : undefined}
        data-testid={fieldTestId(path)}
        onChange={(e) => onChange(e.target.value)}
      />
      {issues.map((i, k) => (
        <Text key={k} size="1" color={i.severity === 'error' ? 'red' : 'amber'}>
          {i.message}
        </Text>
      ))}
    </Flex>
  );
}

/** Named branches of a switch: each has a name (the output's title) and a condition group. */
export function BranchesWidget({ schema, value, onChange, path }: WidgetProps) {
  const { root } = useFormEnv();
  const { groupKey, nameKey, idKey } = keysOf(schema.items ?? {}, root);
  const branches = Array.isArray(value) ? (value as Branch[]) : [];
  const update = (i: number, patch: Branch) => onChange(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const add = () => {
    const id = nextBranchId(branches);
    onChange([...branches, { [idKey]: id, [nameKey]: `Ветка ${branches.length + 1}`, [groupKey]: emptyGroup() }]);
  };
  return (
    <Flex direction="column" gap="3" data-testid={fieldTestId(path)}>
      {branches.length === 0 && (
        <Text size="1" color="gray">
          Веток пока нет: всё пойдёт по выходу «Иначе».
        </Text>
      )}
      {branches.map((b, i) => (
        <Card key={String(b[idKey] ?? i)} size="1" className="branch-card">
          <Flex direction="column" gap="2">
            <Flex gap="2" align="start">
              <Text size="1" color="gray" className="branch-index">
                {i + 1}
              </Text>
              <BranchName path={`${path}.${i}.${nameKey}`} value={String(b[nameKey] ?? '')} onChange={(v) => update(i, { [nameKey]: v })} />
              <Tooltip content="Удалить ветку">
                <IconButton size="1" variant="ghost" color="gray" aria-label="Удалить ветку" type="button" onClick={() => onChange(branches.filter((_, j) => j !== i))}>
                  <TrashIcon />
                </IconButton>
              </Tooltip>
            </Flex>
            <ConditionGroupEditor value={b[groupKey]} path={`${path}.${i}.${groupKey}`} onChange={(g) => update(i, { [groupKey]: g })} />
          </Flex>
        </Card>
      ))}
      <div>
        <Button size="1" variant="soft" type="button" onClick={add} data-testid={`${fieldTestId(path)}-add`}>
          <PlusIcon /> Добавить ветку
        </Button>
      </div>
    </Flex>
  );
}
