import { Banner, BlockStack, Button, Card, ChoiceList, Form, FormLayout, Text, TextField } from '@shopify/polaris';
import { useRef, useState } from 'react';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../../../forms/field-errors.js';
import { useOperationsCreateWebhookSubscriptionMutation } from '../../../generated/graphql.js';
import { format, useMessages } from '../../../i18n/i18n.js';
import { SecretShownOnceModal, secretShownOnceLabels } from '../secret-shown-once-modal.js';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_URL_LENGTH,
  REFUSAL_MESSAGES,
  TOPIC_ORDER,
  WEBHOOK_TOPICS,
  webhookSubscriptionFormProblems,
  webhookSubscriptionInput,
  type WebhookSubscriptionForm,
} from './webhook-subscription-form.js';
import { webhookSubscriptionsMessages } from './webhook-subscriptions.messages.js';

const EMPTY_FORM: WebhookSubscriptionForm = { url: '', topics: [], description: '' };

/** The form that subscribes an endpoint, and the one look at its signing secret. */
export function CreateWebhookSubscriptionCard() {
  const t = useMessages(webhookSubscriptionsMessages);
  const [form, setForm] = useState<WebhookSubscriptionForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [secret, setSecret] = useState<string | null>(null);
  const [creating, create] = useOperationsCreateWebhookSubscriptionMutation();

  // Polaris's Form submits on Enter even while the button shows it is busy: one subscription per submission.
  const inFlight = useRef(false);
  const submit = async () => {
    if (inFlight.current) return;
    const problems = webhookSubscriptionFormProblems(form);
    const fields: Record<string, string> = {};
    if (problems.url) fields.url = format(t[problems.url], { max: MAX_URL_LENGTH });
    if (problems.topics) fields.topics = t[problems.topics];
    if (problems.description) fields.description = format(t[problems.description], { max: MAX_DESCRIPTION_LENGTH });
    if (Object.keys(fields).length) {
      setErrors({ fields, form: null });
      return;
    }
    inFlight.current = true;
    const result = await create({ input: webhookSubscriptionInput(form) }).finally(() => {
      inFlight.current = false;
    });
    const answer = result.data?.createWebhookSubscription;
    switch (answer?.__typename) {
      case 'WebhookSubscriptionCreated':
        setErrors(NO_ERRORS);
        setForm(EMPTY_FORM);
        setSecret(answer.secret);
        return;
      case 'WebhookEndpointRefusedError':
        setErrors({ fields: { url: t[REFUSAL_MESSAGES[answer.reason]] }, form: null });
        return;
      case 'WebhookSubscriptionLimitReachedError':
        setErrors({ fields: {}, form: format(t.limitReached, { limit: answer.limit }) });
        return;
    }
    const found = formErrorsOf(result.error);
    // The API names a topic by its place in the list (`topics.3`): the form has one field for them all.
    const topicError = Object.entries(found.fields).find(([field]) => field.startsWith('topics'))?.[1];
    const fieldsFound = { ...found.fields, ...(topicError ? { topics: topicError } : {}) };
    setErrors({ fields: fieldsFound, form: found.form ?? (Object.keys(fieldsFound).length ? null : t.createFailed) });
  };

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t.createTitle}
        </Text>
        {errors.form && (
          <Banner tone="critical" title={t.createFailed}>
            <p>{errors.form}</p>
          </Banner>
        )}
        <Form onSubmit={() => void submit()}>
          <FormLayout>
            <TextField
              label={t.url}
              helpText={t.urlHelp}
              type="url"
              value={form.url}
              onChange={(url) => setForm({ ...form, url })}
              error={errors.fields.url}
              autoComplete="off"
              placeholder="https://"
            />
            <TextField
              label={t.description}
              helpText={t.descriptionHelp}
              value={form.description}
              onChange={(description) => setForm({ ...form, description })}
              error={errors.fields.description}
              autoComplete="off"
            />
            <ChoiceList
              title={t.topicsTitle}
              allowMultiple
              choices={TOPIC_ORDER.map((topic) => ({ value: topic, label: t[topic], helpText: WEBHOOK_TOPICS[topic] }))}
              selected={form.topics}
              onChange={(topics) => setForm({ ...form, topics })}
              error={errors.fields.topics}
            />
            <Button submit variant="primary" loading={creating.fetching}>
              {t.create}
            </Button>
          </FormLayout>
        </Form>
      </BlockStack>
      <SecretShownOnceModal secret={secret} labels={secretShownOnceLabels(t)} onClose={() => setSecret(null)} />
    </Card>
  );
}
