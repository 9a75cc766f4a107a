import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useSearchParams } from 'react-router';
import { Button, Flex, Link } from '@radix-ui/themes';
import { useAuthStore } from '../../store/auth.store.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { AuthCard, safeNext } from '../../layout/auth-card.layout.tsx';
import { FormField } from '../../components/form-field.component.tsx';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import {
  checkEmail,
  checkName,
  checkPassword,
  compact,
  splitServerError,
  type FieldErrors,
} from './auth-validation.util.ts';

type Field = 'name' | 'company' | 'email' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'password', 'company'];
type Values = Record<Field, string>;

function validate(v: Values): FieldErrors<Field> {
  return compact<Field>({ name: checkName(v.name), email: checkEmail(v.email), password: checkPassword(v.password) });
}

export function RegisterPage() {
  usePageTitle('Регистрация');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, status, load, register } = useAuthStore();
  const [values, setValues] = useState<Values>({ name: '', company: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [general, setGeneral] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  // Focus goes to the first field with an error once the inputs are enabled again.
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusTarget && !pending) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget, pending]);

  useEffect(() => {
    if (status === 'unknown') void load();
  }, [status, load]);

  if (user) return <Navigate to={next} replace />;

  const change = (field: Field, value: string) => {
    const nextValues = { ...values, [field]: value };
    setValues(nextValues);
    if (submitted) setErrors((prev) => ({ ...prev, [field]: validate(nextValues)[field] }));
    setGeneral(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const found = validate(values);
    setErrors(found);
    setGeneral(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      setFocusTarget({ id: `register-${first}` });
      return;
    }
    setPending(true);
    try {
      await register({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        company: values.company.trim() || undefined,
      });
    } catch (err) {
      const split = splitServerError(err, FIELDS, { EMAIL_TAKEN: 'email' });
      setErrors(split.fieldErrors);
      setGeneral(split.general);
      setPending(false);
      const bad = FIELDS.find((f) => split.fieldErrors[f]);
      if (bad) setFocusTarget({ id: `register-${bad}` });
    }
  };

  const loginHref = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;

  return (
    <AuthCard
      title="Регистрация"
      subtitle="Создайте аккаунт, чтобы связать AmoCRM, LPTracker и другие сервисы правилами."
      footer={
        <>
          Уже есть аккаунт?{' '}
          <Link asChild weight="medium">
            <RouterLink to={loginHref}>Войдите</RouterLink>
          </Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Flex direction="column" gap="4">
          <FormField
            id="register-name"
            label="Имя"
            autoComplete="name"
            autoFocus
            value={values.name}
            onChange={(v) => change('name', v)}
            error={errors.name}
            disabled={pending}
          />
          <FormField
            id="register-email"
            label="Электронная почта"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={(v) => change('email', v)}
            error={errors.email}
            disabled={pending}
          />
          <FormField
            id="register-password"
            label="Пароль"
            type="password"
            autoComplete="new-password"
            hint="Не короче 8 символов"
            value={values.password}
            onChange={(v) => change('password', v)}
            error={errors.password}
            disabled={pending}
          />
          <FormField
            id="register-company"
            label="Компания"
            autoComplete="organization"
            hint="Необязательно. Так будет называться ваше рабочее пространство."
            value={values.company}
            onChange={(v) => change('company', v)}
            error={errors.company}
            disabled={pending}
          />
          <ErrorCallout error={general} />
          <Button type="submit" size="3" loading={pending} mt="1">
            Создать аккаунт
          </Button>
        </Flex>
      </form>
    </AuthCard>
  );
}
