import { useEffect } from 'react';
import { Flex, RadioCards, SegmentedControl, Text } from '@radix-ui/themes';
import { defaultOf, type DiscriminatedUnion, type JsonSchema } from './json-schema.util.ts';
import { useFormEnv } from './form-env.context.ts';
import { ObjectFields } from './object-fields.component.tsx';
import { fieldTestId } from './widgets/widget.types.ts';

interface Props {
  union: DiscriminatedUnion;
  value: unknown;
  onChange: (value: Record<string, unknown>) => void;
  path: string;
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * A discriminated union (e.g. a connection by «Долгосрочный токен» or «OAuth 2.0»): a choice of
 * the variant by its title (segmented, or cards when there are many), then the chosen variant's own fields. Switching keeps the
 * values the two variants share (the subdomain) and drops the rest.
 */
export function UnionFields({ union, value, onChange, path }: Props) {
  const { root } = useFormEnv();
  const obj = asObject(value);
  const current = union.variants.find((v) => v.value === obj[union.key]) ?? union.variants[0]!;

  // The stored value must say which variant it is, or the server cannot tell them apart.
  useEffect(() => {
    if (obj[union.key] !== current.value) onChange({ ...asObject(defaultOf(current.schema, root)), ...obj, [union.key]: current.value });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [obj[union.key], current.value]);

  const switchTo = (raw: string) => {
    const next = union.variants.find((v) => String(v.value) === raw);
    if (!next || next === current) return;
    const props = next.schema.properties ?? {};
    const kept = Object.fromEntries(Object.entries(obj).filter(([k]) => k in props));
    onChange({ ...asObject(defaultOf(next.schema, root)), ...kept, [union.key]: next.value });
  };

  // A segmented control fits two or three short titles; more (or longer) ones wrap as cards.
  const compact = union.variants.length <= 3 && union.variants.every((v) => v.title.length <= 24);
  const { [union.key]: _discriminator, ...fields } = current.schema.properties ?? {};
  const variantSchema: JsonSchema = { ...current.schema, properties: fields };
  return (
    <Flex direction="column" gap="4" data-testid={`${fieldTestId(path)}-union`}>
      <Flex direction="column" gap="2">
        {compact ? (
          <SegmentedControl.Root value={String(current.value)} onValueChange={switchTo} className="union-switch" data-testid={`${fieldTestId(path)}-variant`}>
            {union.variants.map((v) => (
              <SegmentedControl.Item key={String(v.value)} value={String(v.value)}>
                {v.title}
              </SegmentedControl.Item>
            ))}
          </SegmentedControl.Root>
        ) : (
          <RadioCards.Root size="1" columns={{ initial: '1', xs: '2' }} gap="2" value={String(current.value)} onValueChange={switchTo} data-testid={`${fieldTestId(path)}-variant`}>
            {union.variants.map((v) => (
              <RadioCards.Item key={String(v.value)} value={String(v.value)}>
                {v.title}
              </RadioCards.Item>
            ))}
          </RadioCards.Root>
        )}
        {current.description && (
          <Text size="1" color="gray">
            {current.description}
          </Text>
        )}
      </Flex>
      <div key={String(current.value)} className="fade-in">
        <ObjectFields schema={variantSchema} value={obj} onChange={(next) => onChange({ ...next, [union.key]: current.value })} path={path} />
      </div>
    </Flex>
  );
}
