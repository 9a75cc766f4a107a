import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Card, Flex, Grid, Heading, Text } from '@radix-ui/themes';
import { ActivityLogIcon, ArrowRightIcon, EnvelopeClosedIcon, Share1Icon } from '@radix-ui/react-icons';

interface Step {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
  action: string;
}

function StepCard({ step }: { step: Step }) {
  return (
    <Card asChild size="3" className="home-card hoverable-card">
      <RouterLink to={step.to}>
        <Flex direction="column" gap="3" style={{ height: '100%' }}>
          <div className="step-icon">{step.icon}</div>
          <Flex direction="column" gap="1" style={{ flex: 1 }}>
            <Text size="3" weight="medium">
              {step.title}
            </Text>
            <Text size="2" color="gray">
              {step.text}
            </Text>
          </Flex>
          <Text size="2" color="violet" weight="medium" className="step-action">
            {step.action} <ArrowRightIcon />
          </Text>
        </Flex>
      </RouterLink>
    </Card>
  );
}

/** «Следующие шаги»: each card leads to a real page. */
export function NextSteps({ hasRules }: { hasRules: boolean | null }) {
  const steps: Step[] = [
    hasRules
      ? {
          to: '/rules',
          icon: <Share1Icon />,
          title: 'Настройте правила',
          text: 'Откройте правило, чтобы поменять условия и действия, опубликовать новую версию или включить его.',
          action: 'К правилам',
        }
      : {
          to: '/rules',
          icon: <Share1Icon />,
          title: hasRules === false ? 'Создайте первое правило' : 'Создайте правило',
          text: 'Опишите связку ЕСЛИ → ТО: например, когда приходит заявка, создать сделку в AmoCRM.',
          action: 'Создать правило',
        },
    {
      to: '/logs',
      icon: <ActivityLogIcon />,
      title: 'Следите за запусками',
      text: 'Каждое срабатывание правила видно по шагам: что пришло на вход, что получилось и где была ошибка.',
      action: 'Открыть запуски',
    },
    {
      to: '/logs/events',
      icon: <EnvelopeClosedIcon />,
      title: 'Проверьте входящие события',
      text: 'Все запросы, пришедшие на адреса вебхуков, с заголовками и телом. Любое можно обработать повторно.',
      action: 'Открыть события',
    },
  ];
  return (
    <Flex direction="column" gap="3">
      <Heading as="h2" size="4">
        Следующие шаги
      </Heading>
      <Grid columns={{ initial: '1', md: '3' }} gap="4">
        {steps.map((s) => (
          <StepCard key={s.to + s.title} step={s} />
        ))}
      </Grid>
    </Flex>
  );
}
