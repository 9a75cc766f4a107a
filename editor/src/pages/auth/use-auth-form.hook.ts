import { useEffect, useState, type FormEvent } from 'react';
import { useAuthStore } from '../../store/auth.store.ts';
import { splitServerError, type FieldErrors } from './auth-validation.util.ts';

interface Options<K extends string> {
  /** Prefix of the inputs' ids: `${idPrefix}-${field}`. */
  idPrefix: string;
  /** The fields in focus order. */
  fields: readonly K[];
  initial: Record<K, string>;
  validate: (values: Record<K, string>) => FieldErrors<K>;
  /** Sends the valid form; on success the store has the user and the page redirects. */
  send: (values: Record<K, string>) => Promise<unknown>;
  /** Error codes that concern one field (see `splitServerError`). */
  fallbackField?: Record<string, K>;
}

/** The props of a `FormField` bound to one field of the form. */
export interface BoundField {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
}

/**
 * State of a login/registration form: values, errors next to fields (re-checked as the user types after the
 * first submit), a general error, the pending request and focus on the first bad field.
 * Also asks who is signed in, so a live session can be sent on.
 */
export function useAuthForm<K extends string>({ idPrefix, fields, initial, validate, send, fallbackField }: Options<K>) {
  const { status, load } = useAuthStore();
  const [values, setValues] = useState<Record<K, string>>(initial);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [general, setGeneral] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  // Focus goes to the first field with an error once the inputs are enabled again.
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusTarget && !pending) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget, pending]);

  // Someone with a live session opened the page: find out, so the page can send them on.
  useEffect(() => {
    if (status === 'unknown') void load();
  }, [status, load]);

  const focusFirst = (found: FieldErrors<K>): boolean => {
    const first = fields.find((f) => found[f]);
    if (first) setFocusTarget({ id: `${idPrefix}-${first}` });
    return Boolean(first);
  };

  const change = (field: K, value: string) => {
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
    if (focusFirst(found)) return;
    setPending(true);
    try {
      await send(values);
      // The store now has the user: the page redirects.
    } catch (err) {
      const split = splitServerError(err, fields, fallbackField);
      setErrors(split.fieldErrors);
      setGeneral(split.general);
      setPending(false);
      focusFirst(split.fieldErrors);
    }
  };

  const field = (name: K): BoundField => ({
    id: `${idPrefix}-${name}`,
    value: values[name],
    onChange: (v) => change(name, v),
    error: errors[name],
    disabled: pending,
  });

  return { values, general, pending, submit, field };
}
