import { Banner, BlockStack, Button, Card, DataTable, FormLayout, InlineError, InlineStack, Layout, Select, SkeletonBodyText, Text, TextField } from '@shopify/polaris';
import { useMemo, useState } from 'react';
import { errorResultOf, formErrorsOf, messageOf } from '../../../forms/field-errors.js';
import { FormSaveBar } from '../../../forms/unsaved-changes.js';
import { useProgramTiersQuery, useProgramTiersSaveMutation, type LocaleCode, type ProgramTiersQuery } from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useSectionForm } from '../form-checks/use-section-form.js';
import { checkTierProgramForm, moveTier, newTier, TIER_LOCALES, tierFieldKeyOf, tierProgramFormOf, tierProgramInputOf, type TierForm, type TierProgramForm } from './tiers-form.js';
import { tiersMessages } from './tiers.messages.js';

type Messages = Record<keyof (typeof tiersMessages)['en'], string>;

/** Program → VIP tiers: the qualification settings and the tiers, with how customers spread over them. */
export default function TiersSection() {
  const t = useMessages(tiersMessages);
  const { locale } = useFormat();
  // The distribution names each tier in the merchant's language; the form edits every language.
  const [{ data, fetching, error }, refetch] = useProgramTiersQuery({ variables: { locale: locale.toUpperCase() as LocaleCode }, requestPolicy: 'cache-and-network' });
  const initial = useMemo(() => (data ? tierProgramFormOf(data.tierProgram) : null), [data]);
  const section = useSectionForm(initial, checkTierProgramForm);
  const [{ fetching: saving }, saveProgram] = useProgramTiersSaveMutation();
  const [savedBanner, setSavedBanner] = useState(false);
  const { form, setForm } = section;

  if (!form || !data) return fetching ? <SkeletonBodyText lines={8} /> : <Banner tone="critical">{error ? messageOf(error) : t.loadFailed}</Banner>;

  const save = async () => {
    setSavedBanner(false);
    if (!section.tryToSave()) return;
    const input = tierProgramInputOf(form);
    const result = await saveProgram({ input });
    const payload = result.data?.updateTierProgram;
    if (payload?.__typename === 'TierProgram') {
      section.saved(tierProgramFormOf(payload));
      setSavedBanner(true);
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    section.setServerErrors(formErrorsOf(result.error, errorResultOf(payload)), (key) => tierFieldKeyOf(key, input));
  };
  const setTier = (index: number, change: Partial<TierForm>) => setForm((f) => ({ ...f, tiers: f.tiers.map((tier, i) => (i === index ? { ...tier, ...change } : tier)) }));
  const setting = <K extends keyof TierProgramForm>(key: K) => (value: TierProgramForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const listError = section.fieldError('tiers');

  return (
    <Layout>
      <Layout.Section>
        <BlockStack gap="400">
          {section.serverErrors.form && <Banner tone="critical">{section.serverErrors.form}</Banner>}
          {savedBanner && !section.dirty && <Banner tone="success" onDismiss={() => setSavedBanner(false)}>{t.saved}</Banner>}
          <SettingsCard t={t} form={form} setting={setting} fieldError={section.fieldError} />
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t.tiers}</Text>
              <Text as="p" tone="subdued">{t.tiersHelp}</Text>
              {listError && <InlineError message={listError} fieldID="program-tiers-list" />}
              {form.tiers.length === 0 && <Text as="p">{t.noTiers}</Text>}
              {form.tiers.map((tier, index) => (
                <TierFields
                  key={tier.key}
                  t={t}
                  tier={tier}
                  index={index}
                  count={form.tiers.length}
                  metric={form.metric}
                  fieldError={section.fieldError}
                  serverFields={section.serverErrors.fields}
                  onChange={(change) => setTier(index, change)}
                  onMove={(to) => setForm((f) => ({ ...f, tiers: moveTier(f.tiers, index, to) }))}
                  onRemove={() => setForm((f) => ({ ...f, tiers: f.tiers.filter((_, i) => i !== index) }))}
                />
              ))}
              <InlineStack>
                <Button id="program-tiers-list" onClick={() => setForm((f) => ({ ...f, tiers: [...f.tiers, newTier(f.tiers)] }))}>{t.addTier}</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </BlockStack>
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <Distribution t={t} distribution={data.tierDistribution} />
      </Layout.Section>
      <FormSaveBar dirty={section.dirty} saving={saving} onSave={save} onDiscard={section.discard} />
    </Layout>
  );
}

function SettingsCard({ t, form, setting, fieldError }: { t: Messages; form: TierProgramForm; setting: <K extends keyof TierProgramForm>(key: K) => (value: TierProgramForm[K]) => void; fieldError: (key: string) => string | undefined }) {
  const options = <V extends string>(values: readonly V[]) => values.map((value) => ({ label: t[value as keyof Messages], value }));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t.qualification}</Text>
        <FormLayout>
          <FormLayout.Group>
            <Select label={t.metric} options={options(['POINTS_EARNED', 'AMOUNT_SPENT', 'ORDERS_COUNT'] as const)} value={form.metric} onChange={setting('metric') as (value: string) => void} />
            <Select label={t.period} options={options(['LIFETIME', 'CALENDAR_YEAR', 'ROLLING_MONTHS'] as const)} value={form.period} onChange={setting('period') as (value: string) => void} />
          </FormLayout.Group>
          {form.period === 'CALENDAR_YEAR' && (
            <FormLayout.Group>
              <TextField label={t.periodStartMonth} autoComplete="off" inputMode="numeric" value={form.periodStartMonth} onChange={setting('periodStartMonth')} error={fieldError('periodStartMonth')} />
              <TextField label={t.periodStartDay} autoComplete="off" inputMode="numeric" value={form.periodStartDay} onChange={setting('periodStartDay')} error={fieldError('periodStartDay')} />
            </FormLayout.Group>
          )}
          {form.period === 'ROLLING_MONTHS' && (
            <TextField label={t.rollingMonths} autoComplete="off" inputMode="numeric" value={form.rollingMonths} onChange={setting('rollingMonths')} error={fieldError('rollingMonths')} />
          )}
          <FormLayout.Group>
            <TextField label={t.graceDays} autoComplete="off" inputMode="numeric" value={form.graceDays} onChange={setting('graceDays')} error={fieldError('graceDays')} />
            <Select label={t.downgradePolicy} options={options(['REPLACE_BY_METRIC', 'ONE_TIER_AT_A_TIME'] as const)} value={form.downgradePolicy} onChange={setting('downgradePolicy') as (value: string) => void} />
          </FormLayout.Group>
          <Select label={t.skippedTierBonus} options={options(['ALL', 'HIGHEST_ONLY'] as const)} value={form.skippedTierBonus} onChange={setting('skippedTierBonus') as (value: string) => void} />
        </FormLayout>
      </BlockStack>
    </Card>
  );
}

const TIER_FIELDS = ['threshold', 'earnMultiplier', 'entryBonusPoints', ...TIER_LOCALES.map((locale) => `names.${locale}`)];

interface TierFieldsProps {
  t: Messages;
  tier: TierForm;
  index: number;
  count: number;
  metric: TierProgramForm['metric'];
  fieldError: (key: string) => string | undefined;
  serverFields: Record<string, string>;
  onChange: (change: Partial<TierForm>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function TierFields({ t, tier, index, count, metric, fieldError, serverFields, onChange, onMove, onRemove }: TierFieldsProps) {
  const { currency } = useFormat();
  const at = `tiers.${index}`;
  const title = format(t.tier, { n: index + 1 });
  // A server error about the tier as a whole (its id, its perks) has no field of its own here.
  const tierErrors = Object.entries(serverFields).filter(([key]) => key.startsWith(`${at}.`) && !TIER_FIELDS.includes(key.slice(at.length + 1)));
  return (
    <div role="group" aria-label={title}>
      <Card background="bg-surface-secondary">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h3" variant="headingSm">{title}</Text>
            <InlineStack gap="200">
              <Button variant="tertiary" disabled={index === 0} onClick={() => onMove(index - 1)}>{t.moveUp}</Button>
              <Button variant="tertiary" disabled={index === count - 1} onClick={() => onMove(index + 1)}>{t.moveDown}</Button>
              <Button variant="tertiary" tone="critical" onClick={onRemove}>{t.remove}</Button>
            </InlineStack>
          </InlineStack>
          <FormLayout>
            <FormLayout.Group condensed>
              {TIER_LOCALES.map((locale: LocaleCode) => (
                <TextField
                  key={locale}
                  label={t[`name${locale}` as keyof Messages]}
                  autoComplete="off"
                  value={tier.names[locale]}
                  onChange={(text) => onChange({ names: { ...tier.names, [locale]: text } })}
                  error={fieldError(`${at}.names.${locale}`)}
                />
              ))}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              <TextField
                label={t.threshold}
                helpText={format(t[`threshold${metric}` as keyof Messages], { currency })}
                autoComplete="off"
                inputMode="numeric"
                value={tier.threshold}
                onChange={(threshold) => onChange({ threshold })}
                error={fieldError(`${at}.threshold`)}
              />
              <TextField label={t.earnMultiplier} helpText={t.earnMultiplierHelp} autoComplete="off" inputMode="decimal" value={tier.earnMultiplier} onChange={(earnMultiplier) => onChange({ earnMultiplier })} error={fieldError(`${at}.earnMultiplier`)} />
              <TextField label={t.entryBonusPoints} helpText={t.entryBonusHelp} autoComplete="off" inputMode="numeric" value={tier.entryBonusPoints} onChange={(entryBonusPoints) => onChange({ entryBonusPoints })} error={fieldError(`${at}.entryBonusPoints`)} />
            </FormLayout.Group>
          </FormLayout>
          {tierErrors.map(([key, message]) => (
            <InlineError key={key} message={message} fieldID={`program-tier-${index}`} />
          ))}
        </BlockStack>
      </Card>
    </div>
  );
}

function Distribution({ t, distribution }: { t: Messages; distribution: ProgramTiersQuery['tierDistribution'] }) {
  const { number } = useFormat();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t.distribution}</Text>
        <DataTable
          columnContentTypes={['text', 'numeric']}
          headings={[t.tiers, t.members]}
          rows={[...distribution.tiers.map((entry) => [entry.tier.name, number(entry.members)]), [t.withoutTier, number(distribution.withoutTier)]]}
          totals={['', number(distribution.total)]}
          totalsName={{ singular: t.total, plural: t.total }}
          showTotalsInFooter
        />
      </BlockStack>
    </Card>
  );
}
