import { useState } from 'react';
import { Badge, Code, Flex, Grid, Text } from '@radix-ui/themes';
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import type { Step } from '../../api/workflows.api.ts';
import { StatusBadge } from '../../components/status-badge.component.tsx';
import { JsonViewer } from '../../components/json-viewer.component.tsx';
import { DetailsDisclosure } from '../../components/details-disclosure.component.tsx';
import { formatDateTime, formatDuration } from '../../components/date-format.util.ts';
import type { StepNames } from './step-names.util.ts';

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
    <li className={`timeline-item status-${step.status}`} data-testid="run-step">
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
              <Text size="2" weight="medium" data-testid="run-step-title">
                {names.title}
              </Text>
              <StatusBadge kind="step" value={step.status} />
              {step.attempt > 1 ? (
                <Badge color="gray" variant="outline" radius="full" data-testid="run-step-attempt">
                  Попытка {step.attempt}
                </Badge>
              ) : null}
              {names.branchTitle ? (
                <Badge color="violet" variant="outline" radius="full">
                  Ветка: {names.branchTitle}
                </Badge>
              ) : null}
            </Flex>
            {names.typeTitle ? (
              <Text size="1" color="gray">
                {names.typeTitle}
              </Text>
            ) : null}
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
              <Flex direction="column" gap="1" className="step-error" role="group" aria-label="Ошибка шага">
                <Text size="2" color="red" weight="medium" className="prewrap">
                  {step.error.message}
                </Text>
                <DetailsDisclosure>
                  <Flex direction="column" gap="2">
                    <Text size="1" color="gray">
                      Код ошибки для поддержки: <Code variant="ghost">{step.error.code}</Code>
                    </Text>
                    {step.error.details !== undefined && step.error.details !== null ? (
                      <JsonViewer title="Данные ошибки" value={step.error.details} openDepth={2} maxHeight={240} />
                    ) : null}
                  </Flex>
                </DetailsDisclosure>
              </Flex>
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
