import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useSearchParams } from 'react-router';
import { Button, Callout, Flex, Link } from '@radix-ui/themes';
import { InfoCircledIcon } from '@radix-ui/react-icons';
import { useAuthStore } from '../../store/auth.store.ts';
import { usePageTitle } from '../../hooks/use-page-title.hook.ts';
import { AuthCard, safeNext } from '../../layout/auth-card.layout.tsx';
import { FormField } from '../../components/form-field.component.tsx';
import { ErrorCallout } from '../../components/error-callout.component.tsx';
import { checkEmail, compact, splitServerError, type FieldErrors } from './auth-validation.util.ts';

type Field = 'email' | 'password';
const FIELDS: readonly Field[] = ['email', 'password'];

function validate(email: string, password: string): FieldErrors<Field> {
  return compact<Field>({ email: checkEmail(email), password: password ? undefined : 'Введите пароль' });
}

export function LoginPage() {
  usePageTitle('Вход');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { user, status, signedOutReason, load, login } = useAuthStore();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [general, setGeneral] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  // Focus goes to the first field with an error once the inputs are enabled again.
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusTarget && !pending) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget, pending]);

  // Someone with a live session opened /login: send them on.
  useEffect(() => {
    if (status === 'unknown') void load();
  }, [status, load]);

  if (user) return <Navigate to={next} replace />;

  const change = (field: Field, value: string) => {
    const nextEmail = field === 'email' ? value : email;
    const nextPassword = field === 'password' ? value : password;
    if (field === 'email') setEmail(value);
    else setPassword(value);
    if (submitted) setErrors((prev) => ({ ...prev, [field]: validate(nextEmail, nextPassword)[field] }));
    setGeneral(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const found = validate(email, password);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) {
      setFocusTarget({ id: `login-${Object.keys(found)[0]}` });
      return;
    }
    setPending(true);
    try {
      await login(email.trim(), password);
      // The store now has the user: the render above redirects to `next`.
    } catch (err) {
      const split = splitServerError(err, FIELDS);
      setErrors(split.fieldErrors);
      setGeneral(split.general);
      setPending(false);
      const bad = FIELDS.find((f) => split.fieldErrors[f]);
      if (bad) setFocusTarget({ id: `login-${bad}` });
    }
  };

  const registerHref = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;

  return (
    <AuthCard
      title="Вход"
      subtitle="Войдите, чтобы настраивать правила и следить за запусками."
      footer={
        <>
          Ещё нет аккаунта?{' '}
          <Link asChild weight="medium">
            <RouterLink to={registerHref}>Зарегистрируйтесь</RouterLink>
          </Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Flex direction="column" gap="4">
          {signedOutReason === 'expired' ? (
            <Callout.Root color="blue" variant="surface">
              <Callout.Icon>
                <InfoCircledIcon />
              </Callout.Icon>
              <Callout.Text>Сессия завершилась. Войдите снова — мы вернём вас на ту же страницу.</Callout.Text>
            </Callout.Root>
          ) : null}
          <FormField
            id="login-email"
            label="Электронная почта"
            type="email"
            autoComplete="email"
            autoFocus
            value={email}
            onChange={(v) => change('email', v)}
            error={errors.email}
            disabled={pending}
          />
          <FormField
            id="login-password"
            label="Пароль"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(v) => change('password', v)}
            error={errors.password}
            disabled={pending}
          />
          <ErrorCallout error={general} />
          <Button type="submit" size="3" loading={pending} mt="1">
            Войти
          </Button>
        </Flex>
      </form>
    </AuthCard>
  );
}
