import { Flex, Heading, Text } from '@radix-ui/themes';
import { LayersIcon } from '@radix-ui/react-icons';
import type { RunDetail } from '../../api/runs.api.ts';
import type { NodeTypeInfo } from '../../../../core/graph/node-catalog.ts';
import { EmptyState } from '../../components/empty-state.component.tsx';
import { plural } from '../../components/date-format.util.ts';
import { StepCard } from './step-card.component.tsx';
import { stepNames } from './step-names.util.ts';

/** The timeline of a run: one card per executed node, in order, named as the rule names them. */
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
        <ol className="timeline" data-testid="run-steps">
          {steps.map((step, i) => (
            <StepCard key={step.id} step={step} index={i} names={stepNames(step, run.graph, nodeTypes)} />
          ))}
        </ol>
      )}
    </Flex>
  );
}
