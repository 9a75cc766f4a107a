import { useDeferredValue, useMemo, useRef, type Ref } from 'react';
import { Flex, Text, TextArea, TextField } from '@radix-ui/themes';
import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { jsonTemplateProblem } from '../json-error.util.ts';
import { TemplatePicker } from '../template-picker.component.tsx';
import { fieldTestId, type WidgetProps } from './widget.types.ts';

type Input = HTMLInputElement | HTMLTextAreaElement;

/** Inserts `text` at the caret of `el` (or at the end) and puts the caret after it. */
function insertAtCaret(el: Input | null, current: string, text: string, onChange: (v: string) => void) {
  const start = el?.selectionStart ?? current.length;
  const end = el?.selectionEnd ?? current.length;
  const next = current.slice(0, start) + text + current.slice(end);
  onChange(next);
  requestAnimationFrame(() => {
    if (!el) return;
    el.focus();
    el.setSelectionRange(start + text.length, start + text.length);
  });
}

interface Props extends WidgetProps {
  multiline?: boolean;
}

/**
 * Text with `{{…}}` templates and the upstream field picker. With `x-options.json` (an HTTP body)
 * a text that looks like JSON is checked with its placeholders neutralised: a broken one would be
 * sent as plain text, so the user is warned where it breaks.
 */
export function TemplateWidget({ value, onChange, id, path, invalid, schema, placeholder, multiline }: Props) {
  const ref = useRef<Input>(null);
  const text = typeof value === 'string' ? value : value == null ? '' : String(value);
  const isMultiline = multiline ?? schema['x-options']?.multiline === true;
  const hint = placeholder ?? (schema['x-options']?.placeholder as string | undefined) ?? 'Текст или {{поле}}';
  const pick = (t: string) => insertAtCaret(ref.current, text, t, (v) => onChange(v));
  const checkJson = schema['x-options']?.json === true;
  const deferred = useDeferredValue(text);
  const jsonProblem = useMemo(() => (checkJson ? jsonTemplateProblem(deferred) : null), [checkJson, deferred]);
  const common = {
    id,
    'data-testid': fieldTestId(path),
    value: text,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    color: invalid ? ('red' as const) : undefined,
    placeholder: hint,
    className: 'mono-input',
    style: { flex: 1 },
  };
  const field = (
    <Flex gap="1" align={isMultiline ? 'start' : 'center'}>
      {isMultiline ? (
        <TextArea ref={ref as Ref<HTMLTextAreaElement>} {...common} rows={5} resize="vertical" />
      ) : (
        <TextField.Root ref={ref as Ref<HTMLInputElement>} {...common} />
      )}
      <TemplatePicker onPick={pick} testId={`${fieldTestId(path)}-picker`} />
    </Flex>
  );
  if (!checkJson) return field;
  return (
    <Flex direction="column" gap="1">
      {field}
      {jsonProblem && (
        <Flex gap="1" align="start" data-testid={`${fieldTestId(path)}-json-warning`}>
          <ExclamationTriangleIcon color="var(--amber-11)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="1" color="amber">
            {jsonProblem}. Такой текст уйдёт как обычный текст, а не как JSON.
          </Text>
        </Flex>
      )}
    </Flex>
  );
}

export function TemplateTextareaWidget(props: WidgetProps) {
  return <TemplateWidget {...props} multiline />;
}
