import { useState } from 'react';
import { Badge, Code, Flex, Grid, Text } from '@radix-ui/themes';
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import type { Step } from '../../api/workflows.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { JsonViewer } from '../../components/json-viewer.component.tsx';
import { formatDateTime, formatDuration } from '../../components/date-format.util.ts';

export interface StepNames {
  /** What the user called the node, or the node type title. */
  title: string;
  /** The node type title when the user's label is shown as `title`. */
  typeTitle: string | null;
  /** The human name of the branch the step went down. */
  branchTitle: string | null;
}

interface Props {
  step: Step;
  index: number;
  names: StepNames;
}

/** One node of the run: a line of facts that unfolds into input, output and error. */
export function StepCard({ step, index, names }: Props) {
  const [open, setOpen] = useState(step.status === 'failed');
  const bodyId = `step-body-${step.id}`;

  return (
    <li className={`timeline-item status-${step.status}`}>
      <span className="timeline-dot" aria-hidden />
      <div className="step-card">
        <button
          type="button"
          className="step-card-header"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={bodyId}
        >
          <span className="step-chevron">{open ? <ChevronDownIcon /> : <ChevronRightIcon />}</span>
          <Flex direction="column" gap="1" style={{ flex: 1, minWidth: 0 }} align="start">
            <Flex align="center" gap="2" wrap="wrap">
              <Text size="1" color="gray">
                {index + 1}.
              </Text>
              <Text size="2" weight="medium">
                {names.title}
              </Text>
              <StatusBadge kind="step" value={step.status} />
              {step.attempt > 1 ? (
                <Badge color="gray" variant="outline" radius="full">
                  Попытка {step.attempt}
                </Badge>
              ) : null}
              {step.branch ? (
                <Badge color="violet" variant="outline" radius="full">
                  Ветка: {names.branchTitle ?? step.branch}
                </Badge>
              ) : null}
            </Flex>
            <Flex align="center" gap="2" wrap="wrap">
              <Code variant="ghost" color="gray" size="1">
                {step.nodeId}
              </Code>
              <Text size="1" color="gray">
                · {names.typeTitle ? `${names.typeTitle} (${step.nodeType})` : step.nodeType}
              </Text>
            </Flex>
            {step.error && !open ? (
              <Text size="1" color="red" truncate style={{ maxWidth: '100%' }}>
                {step.error.message}
              </Text>
            ) : null}
          </Flex>
          <Flex direction="column" align="end" gap="1" className="step-times">
            <Text size="2">{formatDuration(step.durationMs)}</Text>
            <Text size="1" color="gray">
              {formatDateTime(step.startedAt)}
            </Text>
          </Flex>
        </button>
        {open ? (
          <div id={bodyId} className="step-card-body fade-in">
            {step.error ? (
              <JsonViewer title="Ошибка" value={step.error} openDepth={3} maxHeight={280} />
            ) : null}
            <Grid columns={{ initial: '1', lg: '2' }} gap="3" align="start">
              <JsonViewer title="Входные данные" value={step.input} truncated={step.truncated} />
              <JsonViewer
                title="Результат"
                value={step.output}
                truncated={step.truncated}
                emptyText={step.status === 'failed' ? 'Шаг завершился ошибкой, результата нет' : 'Нет данных'}
              />
            </Grid>
          </div>
        ) : null}
      </div>
    </li>
  );
}
