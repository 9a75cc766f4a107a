import { Badge, Flex, Tooltip } from '@radix-ui/themes';
import type { WorkflowSummary } from '../../api/workflows.api.ts';
import { WORKFLOW_STATUS } from './workflow-format.util.ts';

export function WorkflowStatusBadge({ workflow }: { workflow: Pick<WorkflowSummary, 'status' | 'hasUnpublishedChanges' | 'activeVersion'> }) {
  const s = WORKFLOW_STATUS[workflow.status] ?? WORKFLOW_STATUS.draft;
  return (
    <Flex gap="1" align="center" wrap="wrap">
      <Badge color={s.color} variant="soft" data-testid="workflow-status" data-status={workflow.status}>
        {s.title}
      </Badge>
      {workflow.hasUnpublishedChanges && workflow.status !== 'draft' && (
        <Tooltip content="Черновик отличается от опубликованной версии">
          <Badge color="violet" variant="outline">
            Есть изменения
          </Badge>
        </Tooltip>
      )}
    </Flex>
  );
}
