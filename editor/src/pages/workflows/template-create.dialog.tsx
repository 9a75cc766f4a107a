import { useMemo, useState, type FormEvent } from 'react';
import { Badge, Button, Callout, Card, Checkbox, Dialog, Flex, Spinner, Text, TextField } from '@radix-ui/themes';
import { ArrowLeftIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { workflowTemplatesApi, type WorkflowTemplate } from '../../api/workflow-templates.api.ts';
import { workflowsApi, type Workflow } from '../../api/workflows.api.ts';
import { useApiData } from '../../hooks/use-api-data.hook.ts';
import { SchemaForm } from '../../forms/schema-form.component.tsx';
import { defaultProps } from '../../forms/json-schema.util.ts';
import { errorMessage, toast } from '../../store/editor-toast.store.ts';
import { templateFormErrors, type TemplateFormErrors } from './template-form.util.ts';

const NO_ERRORS: TemplateFormErrors = { fields: [], general: null };

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (workflow: Workflow) => void;
}

/** The systems a template's form asks connections for, for the card's badges. */
function systemsOf(t: WorkflowTemplate): string[] {
  const props = (t.paramsSchema.properties ?? {}) as Record<string, { 'x-widget'?: string; title?: string }>;
  return Object.values(props).filter((p) => p['x-widget'] === 'connection').map((p) => (p.title ?? '').replace(/^Аккаунт\s+/, ''));
}

function TemplateList({ onPick }: { onPick: (t: WorkflowTemplate) => void }) {
  const { data, error, loading } = useApiData((signal) => workflowTemplatesApi.list(signal), 'workflow-templates');
  if (loading && !data) return <Flex justify="center" py="6"><Spinner /></Flex>;
  if (error) return <Text color="red" size="2">Не удалось загрузить шаблоны: {error.message}</Text>;
  const items = data?.items ?? [];
  if (items.length === 0) return <Text color="gray" size="2">Установленные интеграции пока не предлагают шаблонов.</Text>;
  return (
    <Flex direction="column" gap="3" data-testid="template-list">
      {items.map((t) => (
        <Card key={t.id} asChild className="template-card">
          <button type="button" onClick={() => onPick(t)} data-testid={`template-${t.id}`}>
            <Flex direction="column" gap="2" align="start">
              <Text weight="medium" size="3">{t.title}</Text>
              <Text size="2" color="gray" align="left">{t.description}</Text>
              <Flex gap="2">{systemsOf(t).map((s) => <Badge key={s} variant="soft">{s}</Badge>)}</Flex>
            </Flex>
          </button>
        </Card>
      ))}
    </Flex>
  );
}

function TemplateForm({ template, onBack, onCreated }: { template: WorkflowTemplate; onBack: () => void; onCreated: (w: Workflow) => void }) {
  const schema = template.paramsSchema;
  const [value, setValue] = useState<Record<string, unknown>>(() => defaultProps(schema));
  const [name, setName] = useState('');
  const [enable, setEnable] = useState(true);
  const [errors, setErrors] = useState<TemplateFormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const fieldNames = useMemo(() => new Set(Object.keys((schema.properties ?? {}) as object)), [schema]);

  // A complaint about a field goes away once the field is edited.
  const change = (next: Record<string, unknown>) => {
    setErrors((e) => ({ ...e, fields: e.fields.filter((i) => JSON.stringify(next[i.path.split('.')[0]!]) === JSON.stringify(value[i.path.split('.')[0]!])) }));
    setValue(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    let created: Workflow;
    try {
      created = await workflowTemplatesApi.create(template.id, { params: value, ...(name.trim() ? { name: name.trim() } : {}) });
    } catch (err) {
      setErrors(templateFormErrors(err, fieldNames));
      setBusy(false);
      return;
    }
    if (enable) {
      // The draft exists either way; if switching it on fails, the editor shows why.
      try {
        await workflowsApi.publish(created.id);
        created = await workflowsApi.activate(created.id);
        toast.success(`Правило «${created.name}» создано и включено`);
      } catch (err) {
        toast.warning(`Правило «${created.name}» создано, но не включено: ${errorMessage(err)}`);
      }
    } else {
      toast.success(`Правило «${created.name}» создано — проверьте схему и опубликуйте`);
    }
    setBusy(false);
    onCreated(created);
  };

  return (
    <form onSubmit={submit} noValidate className="fade-in">
      <Button type="button" variant="ghost" color="gray" size="1" onClick={onBack} mb="3" disabled={busy}>
        <ArrowLeftIcon /> Все шаблоны
      </Button>
      <Text as="p" size="2" color="gray" mb="4">{template.description}</Text>
      <Flex direction="column" gap="4">
        <Flex direction="column" gap="1">
          <Text as="label" htmlFor="template-rule-name" size="2" weight="medium">Название правила</Text>
          <TextField.Root id="template-rule-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="По умолчанию — из шаблона" maxLength={200} color={errors.name ? 'red' : undefined} data-testid="template-rule-name" />
          {errors.name && <Text size="1" color="red">{errors.name}</Text>}
        </Flex>
        <SchemaForm schema={schema} value={value} onChange={change} issues={errors.fields} emptyText="Этому шаблону не нужны настройки." runData={false} />
        <Text as="label" size="2">
          <Flex gap="2" align="center">
            <Checkbox checked={enable} onCheckedChange={(v) => setEnable(v === true)} data-testid="template-enable" />
            Сразу опубликовать и включить
          </Flex>
        </Text>
        {errors.general && (
          <Callout.Root color="red" variant="surface" role="alert" className="fade-in" data-testid="template-error">
            <Callout.Icon><ExclamationTriangleIcon /></Callout.Icon>
            <Callout.Text>{errors.general}</Callout.Text>
          </Callout.Root>
        )}
      </Flex>
      <Flex gap="3" mt="5" justify="end">
        <Button type="submit" loading={busy} data-testid="template-submit">Создать правило</Button>
      </Flex>
    </form>
  );
}

/** «Создать из шаблона»: pick a ready rule, answer its short form, get a drawn graph. */
export function TemplateCreateDialog({ open, onClose, onCreated }: Props) {
  const [picked, setPicked] = useState<WorkflowTemplate | null>(null);
  const close = () => {
    setPicked(null);
    onClose();
  };
  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && close()}>
      <Dialog.Content maxWidth="640px" data-testid="template-dialog" aria-describedby={undefined}>
        <Dialog.Title>{picked ? picked.title : 'Создать правило из шаблона'}</Dialog.Title>
        {picked ? (
          <TemplateForm key={picked.id} template={picked} onBack={() => setPicked(null)} onCreated={(w) => { setPicked(null); onCreated(w); }} />
        ) : (
          <>
            <Text as="p" size="2" color="gray" mb="4">Готовые правила для связки CRM: выберите шаблон, укажите подключения и этапы — схема нарисуется сама.</Text>
            <TemplateList onPick={setPicked} />
          </>
        )}
      </Dialog.Content>
    </Dialog.Root>
  );
}
