import { BlockStack, Card, Checkbox, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import type { ReferralFraudAction } from '../../../generated/graphql.js';
import { format, useFormat } from '../../../i18n/i18n.js';
import { FRAUD_CHECKS, REFERRAL_FIELD_KEYS, type ReferralProgramForm } from './referrals-form.js';
import type { ReferralsMessages } from './referrals.messages.js';

interface Props {
  t: ReferralsMessages;
  form: ReferralProgramForm;
  setForm: (update: (form: ReferralProgramForm) => ReferralProgramForm) => void;
  fieldError: (key: string) => string | undefined;
}

/** Every setting of the referral program's input, each labelled, each showing its field's error. */
export function ReferralProgramFields({ t, form, setForm, fieldError }: Props) {
  const { currency } = useFormat();
  const set = <K extends keyof ReferralProgramForm>(key: K) => (value: ReferralProgramForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof ReferralProgramForm & keyof ReferralsMessages, errorKey: string = key, helpText?: string) => (
    <TextField
      label={format(t[key], { currency })}
      helpText={helpText}
      autoComplete="off"
      value={form[key] as string}
      onChange={set(key) as (value: string) => void}
      error={fieldError(errorKey)}
    />
  );
  const options = (values: readonly (keyof ReferralsMessages)[]) => values.map((value) => ({ label: t[value], value }));
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t.program}</Text>
          <FormLayout>
            <Checkbox label={t.enabled} helpText={t.enabledHelp} checked={form.enabled} onChange={set('enabled')} />
            {text('advocatePoints', 'advocatePoints', t.advocatePointsHelp)}
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t.friendReward}</Text>
          <FormLayout>
            <FormLayout.Group>
              <Select label={t.friendKind} options={options(['PERCENTAGE', 'FIXED_AMOUNT', 'FREE_SHIPPING'])} value={form.friendKind} onChange={set('friendKind') as (value: string) => void} error={fieldError('friendReward.kind')} />
              {form.friendKind !== 'FREE_SHIPPING' && (
                <TextField
                  label={format(t[`friendValue${form.friendKind}`], { currency })}
                  autoComplete="off"
                  inputMode="decimal"
                  value={form.friendValue}
                  onChange={set('friendValue')}
                  error={fieldError(REFERRAL_FIELD_KEYS.friendValue)}
                />
              )}
            </FormLayout.Group>
            <FormLayout.Group>
              {text('friendMinimumOrderAmount', REFERRAL_FIELD_KEYS.friendMinimumOrderAmount, t.optionalNone)}
              {text('friendExpiryDays', REFERRAL_FIELD_KEYS.friendExpiryDays, t.optionalNone)}
            </FormLayout.Group>
            <Checkbox label={t.friendSingleUse} checked={form.friendSingleUse} onChange={set('friendSingleUse')} />
            <Checkbox label={t.friendOncePerCustomer} checked={form.friendOncePerCustomer} onChange={set('friendOncePerCustomer')} />
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t.conditions}</Text>
          <FormLayout>
            <FormLayout.Group>
              <Select label={t.conversionRule} options={options(['ORDER_PAID', 'ORDER_FULFILLED'])} value={form.conversionRule} onChange={set('conversionRule') as (value: string) => void} error={fieldError('conversionRule')} />
              {text('minimumOrderValue', 'minimumOrderValue', t.optionalNone)}
            </FormLayout.Group>
            {text('holdDays', 'holdDays', t.holdDaysHelp)}
            <FormLayout.Group>
              {text('monthlyCap', 'monthlyCap', t.optionalNone)}
              {text('lifetimeCap', 'lifetimeCap', t.optionalNone)}
            </FormLayout.Group>
            {text('claimBurstPerWeek')}
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t.fraudChecks}</Text>
          <FormLayout>
            {FRAUD_CHECKS.map((check) => (
              <Select
                key={check}
                label={t[check]}
                labelInline
                options={options(['BLOCK', 'FLAG'])}
                value={form.fraudChecks[check]}
                onChange={(action) => setForm((f) => ({ ...f, fraudChecks: { ...f.fraudChecks, [check]: action as ReferralFraudAction } }))}
                error={fieldError(`fraudChecks.${check}`)}
              />
            ))}
          </FormLayout>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
