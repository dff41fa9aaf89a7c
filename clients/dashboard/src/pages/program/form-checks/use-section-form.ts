import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NO_ERRORS, type FormErrors } from '../../../forms/field-errors.js';
import { useProblemText } from './form-checks.messages.js';
import type { Problems } from './form-checks.js';

export interface SectionForm<F> {
  /** The form as the merchant edits it; null until the data loaded. */
  form: F | null;
  setForm(update: (form: F) => F): void;
  dirty: boolean;
  /** Puts the form back as it was loaded or last saved, its errors gone. */
  discard(): void;
  /** The saved state from the server's answer becomes the form's new starting point. */
  saved(next: F): void;
  /** Client problems (once a save was tried) over the server's field errors, in words. */
  fieldError(key: string): string | undefined;
  /** The server's errors of the last save (fields and form). */
  serverErrors: FormErrors;
  /** Shows a refused save's errors, each field's under the form's key for it (`keyOf`). */
  setServerErrors(errors: FormErrors, keyOf?: (field: string) => string): void;
  /** Marks a save as tried, so client problems show; true when there are none. */
  tryToSave(): boolean;
}

/**
 * A settings form's life: loaded from `initial`, edited, checked by `check` (shown after the
 * first try to save, then as the merchant types), saved or discarded. Server errors stay until the
 * next edit, as they describe what was sent.
 */
export function useSectionForm<F>(initial: F | null, check: (form: F) => Problems): SectionForm<F> {
  const [base, setBase] = useState<F | null>(initial);
  const [form, setFormState] = useState<F | null>(initial);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>(NO_ERRORS);
  const problemText = useProblemText();
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(base), [form, base]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  // Fresher data (the network's answer after the cache's, a refetch after a save) replaces an
  // untouched form; the merchant's edits are never overwritten under their hands.
  useEffect(() => {
    if (initial !== null && !dirtyRef.current) {
      setBase(initial);
      setFormState(initial);
    }
  }, [initial]);
  const problems = useMemo(() => (form && tried ? check(form) : {}), [form, tried, check]);
  const setForm = useCallback((update: (form: F) => F) => {
    setFormState((current) => (current === null ? current : update(current)));
    setServerErrors(NO_ERRORS);
  }, []);
  return {
    form,
    setForm,
    dirty,
    discard: () => {
      setFormState(base);
      setTried(false);
      setServerErrors(NO_ERRORS);
    },
    saved: (next) => {
      setBase(next);
      setFormState(next);
      setTried(false);
      setServerErrors(NO_ERRORS);
    },
    fieldError: (key) => (problems[key] ? problemText(problems[key]) : serverErrors.fields[key]),
    serverErrors,
    setServerErrors: (errors, keyOf = (field) => field) =>
      setServerErrors({ form: errors.form, fields: Object.fromEntries(Object.entries(errors.fields).map(([field, message]) => [keyOf(field), message])) }),
    tryToSave: () => {
      setTried(true);
      return form !== null && Object.keys(check(form)).length === 0;
    },
  };
}
