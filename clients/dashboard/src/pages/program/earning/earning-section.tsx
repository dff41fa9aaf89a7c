import { Banner, BlockStack, Card, Layout, SkeletonBodyText } from '@shopify/polaris';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useProgramEarningRulesQuery, useProgramUpdateEarningRulesMutation } from '../../../generated/graphql.js';
import { formErrorsOf } from '../../../forms/field-errors.js';
import { FormSaveBar } from '../../../forms/unsaved-changes.js';
import { useMessages } from '../../../i18n/i18n.js';
import { useProblemText } from '../form-checks/form-checks.messages.js';
import { ActivitiesCard } from './activities-card.js';
import { EarningFields } from './earning-fields.js';
import { checkEarningForm, earningFormOf, sameEarningForm, type EarningForm } from './earning-form.js';
import { earningMessages } from './earning.messages.js';

/** Program → Earning: the earning rules and activities, saved together through the save bar. */
export default function EarningSection() {
  const t = useMessages(earningMessages);
  const problemText = useProblemText();
  const [{ data, error: loadError }] = useProgramEarningRulesQuery();
  const [{ fetching: saving }, update] = useProgramUpdateEarningRulesMutation();
  const [loaded, setLoaded] = useState<EarningForm | null>(null);
  const [form, setForm] = useState<EarningForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // A banner rather than Polaris's Toast, whose close button has no accessible name (axe: button-name).
  const [saved, setSaved] = useState(false);

  const lastLoaded = useRef<EarningForm | null>(null);
  useEffect(() => {
    if (!data) return;
    const fresh = earningFormOf(data.earningRules);
    const previous = lastLoaded.current;
    lastLoaded.current = fresh;
    setLoaded(fresh);
    // A refetch (urql refetches after any mutation of EarningRules) must not overwrite what the merchant is typing.
    setForm((current) => (current && previous && !sameEarningForm(current, previous) ? current : fresh));
  }, [data]);

  const dirty = useMemo(() => !!form && !!loaded && !sameEarningForm(form, loaded), [form, loaded]);

  /** A change to some fields clears the errors shown on them: they were about the old value. */
  const change = useCallback((patch: Partial<EarningForm>, fields: string[] = Object.keys(patch)) => {
    setForm((current) => (current ? { ...current, ...patch } : current));
    setSaved(false);
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(next)) if (fields.some((f) => field === f || field.startsWith(`${f}.`))) delete next[field];
      return next;
    });
  }, []);

  const save = async () => {
    if (!form) return;
    const { input, problems } = checkEarningForm(form);
    if (!input) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problemText(problem)])));
      setFormError(t.notSaved);
      return;
    }
    const result = await update({ input });
    if (result.error || !result.data) {
      const shown = formErrorsOf(result.error);
      setErrors(shown.fields);
      setFormError(shown.form ?? t.notSaved);
      return;
    }
    const saved = earningFormOf(result.data.updateEarningRules);
    lastLoaded.current = saved;
    setLoaded(saved);
    setForm(saved);
    setErrors({});
    setFormError(null);
    setSaved(true);
  };

  const discard = () => {
    setForm(loaded);
    setErrors({});
    setFormError(null);
  };

  if (loadError && !data) return <Banner tone="critical" title={t.loadFailed} />;
  if (!form) {
    return (
      <Card>
        <SkeletonBodyText lines={8} />
      </Card>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <FormSaveBar dirty={dirty} saving={saving} onSave={() => void save()} onDiscard={discard} />
      <BlockStack gap="400">
        {saved && <Banner tone="success" title={t.saved} onDismiss={() => setSaved(false)} />}
        {formError && (
          <Banner tone="critical" onDismiss={() => setFormError(null)}>
            <p>{formError}</p>
          </Banner>
        )}
        <Layout>
          <EarningFields form={form} errors={errors} change={change} />
          <Layout.Section>
            <ActivitiesCard activities={form.activities} errors={errors} onChange={(activities, fields) => change({ activities }, fields)} />
          </Layout.Section>
        </Layout>
      </BlockStack>
    </form>
  );
}
