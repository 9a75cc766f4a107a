import { Badge, Flex, Tooltip } from '@radix-ui/themes';
import { ruleStateOf, type EditorFacts, type RuleSummary } from './rule-state.util.ts';

/** The rule's state the same way everywhere (list, editor toolbar): see `ruleStateOf`. */
export function WorkflowStatusBadge({ workflow, facts, wrap = true }: { workflow: RuleSummary; facts?: EditorFacts; wrap?: boolean }) {
  const { publication, power } = ruleStateOf(workflow, facts);
  return (
    <Flex gap="1" align="center" wrap={wrap ? 'wrap' : 'nowrap'} className="rule-state" data-testid="rule-state">
      <Tooltip content={publication.hint}>
        <Badge color={publication.color} variant="soft" data-testid="workflow-status" data-status={publication.kind}>
          {publication.label}
        </Badge>
      </Tooltip>
      {power && (
        <Tooltip content={power.hint}>
          <Badge color={power.color} variant={power.on ? 'soft' : 'outline'} data-testid="workflow-power" data-on={power.on}>
            {power.label}
          </Badge>
        </Tooltip>
      )}
    </Flex>
  );
}
