import { Flex, Heading, Text } from '@radix-ui/themes';
import { LayersIcon } from '@radix-ui/react-icons';
import type { Step } from '../../api/workflows.api.ts';
import type { RunDetail } from '../../api/runs.api.ts';
import type { NodeTypeInfo } from '../../../../core/graph/node-catalog.ts';
import { outputsOf } from '../../../../core/graph/node-catalog.ts';
import { EmptyState } from '../../components/empty-state.component.tsx';
import { plural } from '../../components/date-format.util.ts';
import { StepCard, type StepNames } from './step-card.component.tsx';

function namesFor(step: Step, run: RunDetail, nodeTypes: NodeTypeInfo[]): StepNames {
  const node = run.graph?.nodes.find((n) => n.id === step.nodeId);
  const info =
    nodeTypes.find((t) => t.type === step.nodeType && t.version === node?.version) ??
    nodeTypes.find((t) => t.type === step.nodeType);
  const typeTitle = info?.title ?? null;
  let branchTitle: string | null = null;
  if (step.branch && info) {
    try {
      branchTitle = outputsOf(info, node?.props ?? {}).find((p) => p.id === step.branch)?.title ?? null;
    } catch {
      branchTitle = null;
    }
  }
  const label = node?.label?.trim();
  return {
    title: label || typeTitle || step.nodeType,
    typeTitle: label ? typeTitle : null,
    branchTitle,
  };
}

/** The timeline of a run: one card per executed node, in order. */
export function RunSteps({ run, nodeTypes }: { run: RunDetail; nodeTypes: NodeTypeInfo[] }) {
  const steps = run.steps ?? [];
  return (
    <Flex direction="column" gap="3">
      <Flex align="baseline" gap="2">
        <Heading as="h2" size="4">
          Шаги
        </Heading>
        {steps.length ? (
          <Text size="2" color="gray">
            {steps.length} {plural(steps.length, ['шаг', 'шага', 'шагов'])}
          </Text>
        ) : null}
      </Flex>
      {steps.length === 0 ? (
        <EmptyState
          icon={<LayersIcon />}
          title={run.status === 'queued' ? 'Запуск ждёт своей очереди' : 'Шагов нет'}
          description={
            run.status === 'queued'
              ? 'Шаги появятся здесь, как только обработчик возьмёт запуск в работу.'
              : 'Ни один узел правила не выполнялся в этом запуске.'
          }
        />
      ) : (
        <ol className="timeline">
          {steps.map((step, i) => (
            <StepCard key={step.id} step={step} index={i} names={namesFor(step, run, nodeTypes)} />
          ))}
        </ol>
      )}
    </Flex>
  );
}
