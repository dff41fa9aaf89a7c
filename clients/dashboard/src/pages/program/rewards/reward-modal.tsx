import { Banner, BlockStack, Checkbox, FormLayout, Modal, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { errorResultOf, formErrorsOf } from '../../../forms/field-errors.js';
import { useProgramCreateRewardMutation, useProgramUpdateRewardMutation, type ProgramRewardFieldsFragment, type RewardKind } from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useProblemText } from '../form-checks/form-checks.messages.js';
import { checkRewardForm, EMPTY_REWARD_FORM, onRewardFields, REWARD_KINDS, rewardFormOf, takesVariant, updateRewardInput, type RewardForm } from './reward-form.js';
import { kindLabel } from './reward-labels.js';
import { rewardsMessages } from './rewards.messages.js';

interface RewardModalProps {
  /** The reward to edit; null creates one. */
  reward: ProgramRewardFieldsFragment | null;
  onClose: () => void;
  /** After the API saved it: whether it was created, for the banner that says so. */
  onSaved: (created: boolean) => void;
}

/** Creates or edits a reward: the fields its kind takes, checked before sending, the API's refusals next to their fields. */
export function RewardModal({ reward, onClose, onSaved }: RewardModalProps) {
  const t = useMessages(rewardsMessages);
  const problemText = useProblemText();
  const { currency } = useFormat();
  const [form, setForm] = useState<RewardForm>(() => (reward ? rewardFormOf(reward) : EMPTY_REWARD_FORM));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useProgramCreateRewardMutation();
  const [{ fetching: updating }, update] = useProgramUpdateRewardMutation();

  const change = (patch: Partial<RewardForm>, fields: string[]) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field))));
  };

  const save = async () => {
    // A second press while the first is on its way would create the reward twice.
    if (creating || updating) return;
    const { fields, problems } = checkRewardForm(form);
    if (!fields) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problemText(problem)])));
      setFormError(t.notSaved);
      return;
    }
    const result = reward ? await update({ input: updateRewardInput(reward.id, fields) }) : await create({ input: fields });
    const outcome = result.data ? ('updateReward' in result.data ? result.data.updateReward : result.data.createReward) : null;
    const typedError = errorResultOf(outcome);
    if (result.error || typedError || !outcome) {
      const shown = formErrorsOf(result.error, typedError);
      setErrors(onRewardFields(shown.fields));
      setFormError(shown.form ?? t.notSaved);
      return;
    }
    onSaved(!reward);
  };

  const field = (name: keyof RewardForm, label: string, path: string, helpText?: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={label}
      value={String(form[name])}
      onChange={(value) => change({ [name]: value }, [path])}
      error={errors[path]}
      helpText={helpText}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <Modal
      open
      size="large"
      onClose={onClose}
      title={reward ? t.editTitle : t.createTitle}
      primaryAction={{ content: t.save, onAction: () => void save(), loading: creating || updating }}
      secondaryActions={[{ content: t.cancel, onAction: onClose }]}
    >
      <Modal.Section>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <BlockStack gap="400">
            {formError && (
              <Banner tone="critical" onDismiss={() => setFormError(null)}>
                <p>{formError}</p>
              </Banner>
            )}
            <FormLayout>
              <Select
                label={t.kind}
                options={REWARD_KINDS.map((kind) => ({ label: kindLabel(kind, t), value: kind }))}
                value={form.kind}
                onChange={(kind) => change({ kind: kind as RewardKind }, ['kind', 'value', 'variantId'])}
              />
              <BlockStack gap="100">
                <FormLayout.Group condensed>
                  {field('nameEn', t.nameEn, 'names.en')}
                  {field('nameFr', t.nameFr, 'names.fr')}
                  {field('nameEs', t.nameEs, 'names.es')}
                </FormLayout.Group>
                <Text as="p" tone="subdued">
                  {t.namesHelp}
                </Text>
              </BlockStack>
              <FormLayout.Group>
                {form.kind === 'FIXED_AMOUNT' && field('value', format(t.valueAmount, { currency }), 'value', undefined, { inputMode: 'decimal' })}
                {form.kind === 'PERCENTAGE' && field('value', t.valuePercent, 'value', t.valuePercentHelp, { inputMode: 'decimal', suffix: '%' })}
                {takesVariant(form.kind) && field('variantId', t.variantId, 'variantId', t.variantIdHelp)}
                {field('pointsCost', t.pointsCost, 'pointsCost', t.pointsCostHelp, { inputMode: 'numeric' })}
              </FormLayout.Group>
              <FormLayout.Group>
                {field('minimumSubtotal', format(t.minimumSubtotal, { currency }), 'minimumSubtotal', t.minimumSubtotalHelp, { inputMode: 'decimal' })}
                {field('codeValidityDays', t.codeValidityDays, 'codeValidityDays', t.codeValidityDaysHelp, { inputMode: 'numeric' })}
              </FormLayout.Group>
              <FormLayout.Group>
                {field('usageLimit', t.usageLimit, 'usageLimit', t.usageLimitHelp, { inputMode: 'numeric' })}
                {field('usageLimitPerCustomer', t.usageLimitPerCustomer, 'usageLimitPerCustomer', t.usageLimitPerCustomerHelp, { inputMode: 'numeric' })}
              </FormLayout.Group>
              <FormLayout.Group>
                {field('startsAt', t.startsAt, 'startsAt', t.datesHelp, { type: 'date' })}
                {field('endsAt', t.endsAt, 'endsAt', t.datesHelp, { type: 'date' })}
              </FormLayout.Group>
              <Checkbox label={t.active} checked={form.active} onChange={(active) => change({ active }, ['active'])} />
            </FormLayout>
          </BlockStack>
        </form>
      </Modal.Section>
    </Modal>
  );
}
