import { Flex, IconButton, Select, Switch, Text, Tooltip } from '@radix-ui/themes';
import { TrashIcon } from '@radix-ui/react-icons';
import { OPERATORS } from '../../../../core/graph/conditions.ts';
import { useIssuesUnder } from '../form-env.context.ts';
import { TemplateWidget } from './template.widget.tsx';

export interface RuleValue {
  left?: unknown;
  op?: string;
  right?: unknown;
  caseInsensitive?: boolean;
}

interface Props {
  rule: RuleValue;
  path: string;
  onChange: (rule: RuleValue) => void;
  onRemove: () => void;
}

const TEXT_OPS = new Set(['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'ends_with', 'in', 'regex']);

/** One row of the rule builder: left template, operator, right value, case toggle. */
export function ConditionRuleRow({ rule, path, onChange, onRemove }: Props) {
  const issues = useIssuesUnder(path);
  const op = OPERATORS.find((o) => o.id === rule.op);
  const needsRight = op?.needsRight ?? true;
  const textual = !rule.op || TEXT_OPS.has(rule.op);
  const str = (v: unknown) => (v == null ? '' : typeof v === 'string' ? v : String(v));
  return (
    <Flex direction="column" gap="2" className="condition-rule" data-testid={`condition-rule-${path}`}>
      <TemplateWidget
        schema={{}}
        value={str(rule.left)}
        onChange={(v) => onChange({ ...rule, left: v })}
        path={`${path}.left`}
        id={`${path}-left`}
        invalid={issues.some((i) => i.path === `${path}.left`)}
        placeholder="Поле, например {{trigger.body.phone}}"
      />
      <Flex gap="2" align="center">
        <Select.Root
          value={rule.op ?? ''}
          onValueChange={(v) => {
            const next = OPERATORS.find((o) => o.id === v);
            const { right: _r, ...rest } = rule;
            onChange(next && !next.needsRight ? { ...rest, op: v } : { ...rule, op: v });
          }}
        >
          <Select.Trigger
            placeholder="Оператор"
            aria-label="Оператор"
            data-testid={`field-${path}.op`}
            color={issues.some((i) => i.path === `${path}.op`) ? 'red' : undefined}
            style={{ minWidth: 130, maxWidth: needsRight ? 150 : undefined, flex: needsRight ? undefined : 1 }}
          />
          <Select.Content position="popper">
            {OPERATORS.map((o) => (
              <Select.Item key={o.id} value={o.id}>
                {o.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select.Root>
        {needsRight && (
          <div style={{ flex: 1, minWidth: 0 }}>
            <TemplateWidget
              schema={{}}
              value={str(rule.right)}
              onChange={(v) => onChange({ ...rule, right: v })}
              path={`${path}.right`}
              id={`${path}-right`}
              invalid={issues.some((i) => i.path === `${path}.right`)}
              placeholder={rule.op === 'in' ? 'Значения через запятую' : 'Значение'}
            />
          </div>
        )}
      </Flex>
      <Flex justify="between" align="center">
        {textual ? (
          <Text as="label" size="1" color="gray">
            <Flex gap="2" align="center">
              <Switch
                size="1"
                checked={rule.caseInsensitive === true}
                onCheckedChange={(v) => {
                  const { caseInsensitive: _c, ...rest } = rule;
                  onChange(v ? { ...rest, caseInsensitive: true } : rest);
                }}
              />
              Без учёта регистра
            </Flex>
          </Text>
        ) : (
          <span />
        )}
        <Tooltip content="Удалить проверку">
          <IconButton size="1" variant="ghost" color="gray" aria-label="Удалить проверку" onClick={onRemove} type="button">
            <TrashIcon />
          </IconButton>
        </Tooltip>
      </Flex>
      {issues.map((i, k) => (
        <Text key={k} size="1" color={i.severity === 'error' ? 'red' : 'amber'}>
          {i.message}
        </Text>
      ))}
    </Flex>
  );
}
