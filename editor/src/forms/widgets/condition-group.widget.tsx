import { Button, Flex, IconButton, SegmentedControl, Text, Tooltip } from '@radix-ui/themes';
import { PlusIcon, TrashIcon } from '@radix-ui/react-icons';
import { ConditionRuleRow, type RuleValue } from './condition-rule.component.tsx';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

interface GroupValue {
  op?: 'group';
  match?: 'all' | 'any';
  rules?: (RuleValue | GroupValue)[];
}

const isGroup = (item: RuleValue | GroupValue): item is GroupValue => item.op === 'group' || Array.isArray((item as GroupValue).rules);

const normalize = (value: unknown): Required<Pick<GroupValue, 'match' | 'rules'>> & GroupValue => {
  const g = value && typeof value === 'object' ? (value as GroupValue) : {};
  return { ...g, match: g.match === 'any' ? 'any' : 'all', rules: Array.isArray(g.rules) ? g.rules : [] };
};

export const emptyRule = (): RuleValue => ({ left: '', op: 'eq', right: '' });
export const emptyGroup = (): GroupValue => ({ match: 'all', rules: [emptyRule()] });

interface GroupProps {
  value: unknown;
  onChange: (value: GroupValue) => void;
  path: string;
  /** Nested groups cannot hold further groups (the schema allows one level). */
  nested?: boolean;
  onRemove?: () => void;
}

/** The rule builder: «все / любое» and a list of rules (and, at the top level, nested groups). */
export function ConditionGroupEditor({ value, onChange, path, nested, onRemove }: GroupProps) {
  const group = normalize(value);
  const joiner = group.match === 'all' ? 'И' : 'ИЛИ';
  const setRules = (rules: (RuleValue | GroupValue)[]) => onChange({ ...group, rules });
  const rulesPath = path ? `${path}.rules` : 'rules';
  return (
    <Flex direction="column" gap="2" className={nested ? 'condition-group nested' : 'condition-group'} data-testid={fieldTestId(path)}>
      <Flex align="center" justify="between" gap="2">
        <SegmentedControl.Root
          size="1"
          value={group.match}
          onValueChange={(v) => onChange({ ...group, match: v as 'all' | 'any' })}
          aria-label="Когда выполняется условие"
        >
          <SegmentedControl.Item value="all">Все проверки</SegmentedControl.Item>
          <SegmentedControl.Item value="any">Любая проверка</SegmentedControl.Item>
        </SegmentedControl.Root>
        {onRemove && (
          <Tooltip content="Удалить группу">
            <IconButton size="1" variant="ghost" color="gray" aria-label="Удалить группу" onClick={onRemove} type="button">
              <TrashIcon />
            </IconButton>
          </Tooltip>
        )}
      </Flex>
      {group.rules.length === 0 && (
        <Text size="1" color="gray">
          Проверок пока нет: {group.match === 'all' ? 'условие всегда выполняется' : 'условие никогда не выполняется'}.
        </Text>
      )}
      {group.rules.map((item, i) => (
        <Flex key={i} direction="column" gap="2">
          {i > 0 && (
            <Text size="1" weight="bold" color="violet" className="condition-joiner">
              {joiner}
            </Text>
          )}
          {isGroup(item) && !nested ? (
            <ConditionGroupEditor
              nested
              value={item}
              path={`${rulesPath}.${i}`}
              onChange={(g) => setRules(group.rules.map((r, j) => (j === i ? { ...g, op: 'group' } : r)))}
              onRemove={() => setRules(group.rules.filter((_, j) => j !== i))}
            />
          ) : (
            <ConditionRuleRow
              rule={item as RuleValue}
              path={`${rulesPath}.${i}`}
              onChange={(r) => setRules(group.rules.map((x, j) => (j === i ? r : x)))}
              onRemove={() => setRules(group.rules.filter((_, j) => j !== i))}
            />
          )}
        </Flex>
      ))}
      <Flex gap="2">
        <Button size="1" variant="soft" type="button" onClick={() => setRules([...group.rules, emptyRule()])} data-testid={`${fieldTestId(path)}-add-rule`}>
          <PlusIcon /> Проверка
        </Button>
        {!nested && (
          <Button size="1" variant="soft" color="gray" type="button" onClick={() => setRules([...group.rules, { op: 'group', ...emptyGroup() }])}>
            <PlusIcon /> Группа проверок
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

export function ConditionGroupWidget({ value, onChange, path }: WidgetProps) {
  return <ConditionGroupEditor value={value} onChange={onChange} path={path} />;
}
