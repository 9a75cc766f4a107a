import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { MagicWandIcon, PlusIcon, Share2Icon } from '@radix-ui/react-icons';

export function WorkflowsEmpty({ onCreate, onTemplate }: { onCreate: () => void; onTemplate: () => void }) {
  return (
    <Card size="4" className="rules-empty" data-testid="rules-empty">
      <Flex direction="column" align="center" gap="3" py="6">
        <span className="rules-empty-icon">
          <Share2Icon width={28} height={28} />
        </span>
        <Heading size="5">Пока нет ни одного правила</Heading>
        <Text color="gray" align="center" style={{ maxWidth: 460 }}>
          Правило принимает событие — заявку с сайта, смену этапа сделки в AmoCRM или звонок в LPTracker — проверяет
          условия и выполняет действия. Создайте первое правило, это займёт пару минут.
        </Text>
        <Flex gap="3" wrap="wrap" justify="center">
          <Button size="3" onClick={onCreate} data-testid="rules-create-first">
            <PlusIcon /> Создать первое правило
          </Button>
          <Button size="3" variant="soft" onClick={onTemplate} data-testid="rules-template-first">
            <MagicWandIcon /> Из шаблона
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
