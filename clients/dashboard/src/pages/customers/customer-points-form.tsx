import { Banner, BlockStack, Button, Card, Form, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { errorResultOf, formErrorsOf, NO_ERRORS, type FormErrors } from '../../forms/field-errors.js';
import { useCustomerAwardPointsMutation, useCustomerDeductPointsMutation } from '../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../i18n/i18n.js';
import { customerMessages } from './customer.messages.js';
import { parseAdjustment, type AdjustmentDirection } from './points-adjustment.js';

interface Draft {
  direction: AdjustmentDirection;
  amount: string;
  reason: string;
}

const EMPTY_DRAFT: Draft = { direction: 'award', amount: '', reason: '' };

/** The field whose error an edit makes stale: a deduction refused for the balance may pass as an award. */
const FIELD_OF: Record<keyof Draft, string> = { direction: 'points', amount: 'points', reason: 'reason' };

/**
 * Awards or deducts points by hand. Each draft carries its own idempotency key, so sending the same
 * draft again after a lost response changes the balance once; editing the draft takes a new key.
 * The balance and history shown elsewhere on the page refresh by themselves: the mutation returns
 * the customer's PointsAccount, and urql's document cache re-runs every query holding that type.
 */
export function CustomerPointsForm({ customerId }: { customerId: string }) {
  const t = useMessages(customerMessages);
  const fmt = useFormat();
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // A banner rather than Polaris's Toast, whose close button has no accessible name.
  const [done, setDone] = useState<string | null>(null);
  const [award, sendAward] = useCustomerAwardPointsMutation();
  const [deduct, sendDeduct] = useCustomerDeductPointsMutation();
  const sending = award.fetching || deduct.fetching;

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setIdempotencyKey(crypto.randomUUID());
    setDone(null);
    setErrors((current) => ({ fields: Object.fromEntries(Object.entries(current.fields).filter(([field]) => field !== FIELD_OF[key])), form: null }));
  };

  const submit = async () => {
    setDone(null);
    const parsed = parseAdjustment(draft);
    if (!parsed.ok) {
      const fields: Record<string, string> = {};
      if (parsed.problems.points) fields.points = t[parsed.problems.points];
      if (parsed.problems.reason) fields.reason = t[parsed.problems.reason];
      setErrors({ fields, form: null });
      return;
    }
    const input = { customerId, points: parsed.points, reason: parsed.reason, idempotencyKey };
    const response = draft.direction === 'award' ? await sendAward({ input }) : await sendDeduct({ input });
    const result = response.data && ('awardPoints' in response.data ? response.data.awardPoints : response.data.deductPoints);
    const typed = errorResultOf(result);
    if (response.error || typed) {
      // The API names no field for a balance too small, but it is the amount that is wrong.
      const located = typed?.__typename === 'InsufficientPointsError' ? { ...typed, field: 'points' } : typed;
      setErrors(formErrorsOf(response.error, located));
      return;
    }
    setErrors(NO_ERRORS);
    setDraft({ ...EMPTY_DRAFT, direction: draft.direction });
    setIdempotencyKey(crypto.randomUUID());
    setDone(format(draft.direction === 'award' ? t.awarded : t.deducted, { points: fmt.number(parsed.points) }));
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.adjustTitle}
        </Text>
        {done && (
          <Banner tone="success">
            <p>{done}</p>
          </Banner>
        )}
        {errors.form && (
          <Banner tone="critical">
            <p>{errors.form}</p>
          </Banner>
        )}
        <Form onSubmit={submit}>
          <FormLayout>
            <Select
              label={t.action}
              options={[
                { label: t.award, value: 'award' },
                { label: t.deduct, value: 'deduct' },
              ]}
              value={draft.direction}
              onChange={(direction) => edit('direction', direction as AdjustmentDirection)}
            />
            <TextField label={t.amount} inputMode="numeric" autoComplete="off" value={draft.amount} onChange={(amount) => edit('amount', amount)} error={errors.fields.points} />
            <TextField
              label={t.reason}
              autoComplete="off"
              multiline={2}
              value={draft.reason}
              onChange={(reason) => edit('reason', reason)}
              helpText={t.reasonHelp}
              error={errors.fields.reason}
            />
            <Button submit variant="primary" loading={sending} tone={draft.direction === 'deduct' ? 'critical' : undefined}>
              {draft.direction === 'award' ? t.submitAward : t.submitDeduct}
            </Button>
          </FormLayout>
        </Form>
      </BlockStack>
    </Card>
  );
}
