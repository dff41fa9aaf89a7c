import { Banner, BlockStack, Button, Card, ChoiceList, Form, FormLayout, Text, TextField } from '@shopify/polaris';
import { useRef, useState } from 'react';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../../../forms/field-errors.js';
import { format, useMessages } from '../../../i18n/i18n.js';
import { useOperationsCreateApiKeyMutation } from '../../../generated/graphql.js';
import { apiKeyFormProblems, apiKeyInput, MAX_NAME_LENGTH, PARTNER_SCOPES, type ApiKeyForm } from './api-key-form.js';
import { SecretShownOnceModal, secretShownOnceLabels } from '../secret-shown-once-modal.js';
import { apiKeysMessages } from './api-keys.messages.js';

const EMPTY_FORM: ApiKeyForm = { name: '', scopes: [] };

/**
 * The form that creates a key, and the modal that shows its secret the one time the API returns
 * it. The secret lives only in this component's state: closing the modal forgets it.
 */
export function CreateApiKeyCard() {
  const t = useMessages(apiKeysMessages);
  const [form, setForm] = useState<ApiKeyForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [secret, setSecret] = useState<string | null>(null);
  const [creating, create] = useOperationsCreateApiKeyMutation();

  // Polaris's Form submits on Enter even while the button shows it is busy: one key per submission.
  const inFlight = useRef(false);
  const submit = async () => {
    if (inFlight.current) return;
    const problems = apiKeyFormProblems(form);
    const fields: Record<string, string> = {};
    if (problems.name) fields.name = format(t[problems.name], { max: MAX_NAME_LENGTH });
    if (problems.scopes) fields.scopes = t[problems.scopes];
    if (Object.keys(fields).length) {
      setErrors({ fields, form: null });
      return;
    }
    inFlight.current = true;
    const result = await create({ input: apiKeyInput(form) }).finally(() => {
      inFlight.current = false;
    });
    const created = result.data?.createApiKey;
    if (created?.__typename === 'ApiKeyCreated') {
      setErrors(NO_ERRORS);
      setForm(EMPTY_FORM);
      setSecret(created.secret);
      return;
    }
    const found = formErrorsOf(result.error);
    // The API names a scope by its place in the list (`scopes.3`): the form has one field for them all.
    const scopeError = Object.entries(found.fields).find(([field]) => field.startsWith('scopes'))?.[1];
    setErrors({ fields: { ...found.fields, ...(scopeError ? { scopes: scopeError } : {}) }, form: found.form ?? (Object.keys(found.fields).length ? null : t.createFailed) });
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
            <TextField label={t.name} helpText={t.nameHelp} value={form.name} onChange={(name) => setForm({ ...form, name })} error={errors.fields.name} autoComplete="off" maxLength={MAX_NAME_LENGTH + 20} />
            <ChoiceList
              title={t.scopes}
              allowMultiple
              choices={PARTNER_SCOPES.map((scope) => ({ value: scope, label: t[scope], helpText: scope }))}
              selected={form.scopes}
              onChange={(scopes) => setForm({ ...form, scopes })}
              error={errors.fields.scopes}
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
