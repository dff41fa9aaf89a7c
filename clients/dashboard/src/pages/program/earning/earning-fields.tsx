import { BlockStack, Card, Checkbox, FormLayout, Layout, Select, Text, TextField } from '@shopify/polaris';
import type { EarnOn, ExpiryPolicy, PointsRounding } from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import type { EarningForm } from './earning-form.js';
import { earningMessages } from './earning.messages.js';

interface EarningFieldsProps {
  form: EarningForm;
  /** Messages by field path, from the form's own checks or the API. */
  errors: Record<string, string>;
  change: (patch: Partial<EarningForm>) => void;
}

/** The earning rules' fields, one card per concern; activities are their own card. */
export function EarningFields({ form, errors, change }: EarningFieldsProps) {
  const t = useMessages(earningMessages);
  const { currency } = useFormat();
  const numberField = (field: 'pointsPerCurrencyUnit' | 'signupBonus' | 'birthdayBonus' | 'pendingDays' | 'expiryMonths' | 'expiryWarningDays' | 'pointValue', label: string, helpText: string, decimals = false) => (
    <TextField
      label={label}
      value={form[field]}
      onChange={(value) => change({ [field]: value })}
      error={errors[field]}
      helpText={helpText}
      inputMode={decimals ? 'decimal' : 'numeric'}
      autoComplete="off"
    />
  );
  return (
    <>
      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t.programTitle}
            </Text>
            <Checkbox label={t.enabled} helpText={t.enabledHelp} checked={form.enabled} onChange={(enabled) => change({ enabled })} />
          </BlockStack>
        </Card>
      </Layout.Section>
      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t.ordersTitle}
            </Text>
            <FormLayout>
              <FormLayout.Group>
                <Select
                  label={t.earnOn}
                  options={[
                    { label: t.earnOnPaid, value: 'PAID' },
                    { label: t.earnOnCreated, value: 'CREATED' },
                  ]}
                  value={form.earnOn}
                  onChange={(earnOn) => change({ earnOn: earnOn as EarnOn })}
                />
                {numberField('pointsPerCurrencyUnit', format(t.pointsPerCurrencyUnit, { currency }), t.pointsPerCurrencyUnitHelp, true)}
              </FormLayout.Group>
              <BlockStack gap="100">
                <Checkbox label={t.excludeShipping} checked={form.excludeShipping} onChange={(excludeShipping) => change({ excludeShipping })} />
                <Checkbox label={t.excludeTaxes} checked={form.excludeTaxes} onChange={(excludeTaxes) => change({ excludeTaxes })} />
                <Checkbox label={t.excludeDiscounts} checked={form.excludeDiscounts} onChange={(excludeDiscounts) => change({ excludeDiscounts })} />
              </BlockStack>
              <FormLayout.Group>
                <Select
                  label={t.rounding}
                  options={[
                    { label: t.roundingDown, value: 'DOWN' },
                    { label: t.roundingNearest, value: 'NEAREST' },
                    { label: t.roundingUp, value: 'UP' },
                  ]}
                  value={form.rounding}
                  onChange={(rounding) => change({ rounding: rounding as PointsRounding })}
                />
                {numberField('pendingDays', t.pendingDays, t.pendingDaysHelp)}
              </FormLayout.Group>
            </FormLayout>
          </BlockStack>
        </Card>
      </Layout.Section>
      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t.bonusesTitle}
            </Text>
            <FormLayout>
              <FormLayout.Group>
                {numberField('signupBonus', t.signupBonus, t.bonusHelp)}
                {numberField('birthdayBonus', t.birthdayBonus, t.bonusHelp)}
              </FormLayout.Group>
            </FormLayout>
          </BlockStack>
        </Card>
      </Layout.Section>
      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t.balanceTitle}
            </Text>
            <FormLayout>
              <Checkbox label={t.allowNegativeBalance} helpText={t.allowNegativeBalanceHelp} checked={form.allowNegativeBalance} onChange={(allowNegativeBalance) => change({ allowNegativeBalance })} />
              <Select
                label={t.expiryPolicy}
                options={[
                  { label: t.expiryNever, value: 'NEVER' },
                  { label: t.expiryAfterInactivity, value: 'AFTER_INACTIVITY' },
                  { label: t.expiryAfterEarning, value: 'AFTER_EARNING' },
                ]}
                value={form.expiryPolicy}
                onChange={(expiryPolicy) => change({ expiryPolicy: expiryPolicy as ExpiryPolicy })}
              />
              {form.expiryPolicy !== 'NEVER' && (
                <FormLayout.Group>
                  {numberField('expiryMonths', t.expiryMonths, t.expiryMonthsHelp)}
                  {numberField('expiryWarningDays', t.expiryWarningDays, t.expiryWarningDaysHelp)}
                </FormLayout.Group>
              )}
              {numberField('pointValue', format(t.pointValue, { currency }), t.pointValueHelp, true)}
            </FormLayout>
          </BlockStack>
        </Card>
      </Layout.Section>
    </>
  );
}
