import { Badge, Banner, BlockStack, Button, InlineStack, Modal, Text } from '@shopify/polaris';
import { useState } from 'react';
import { errorResultOf, formErrorsOf } from '../../../forms/field-errors.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useOperationsApiKeysQuery, useOperationsRevokeApiKeyMutation, type OperationsApiKeyFragment } from '../../../generated/graphql.js';
import { operationsMessages } from '../operations.messages.js';
import { OperationsTable } from '../operations-table.js';
import { apiKeyState } from './api-key-form.js';
import { apiKeysMessages } from './api-keys.messages.js';
import { CreateApiKeyCard } from './create-api-key-card.js';

const STATE_TONE = { active: 'success', revoked: undefined, expired: 'warning' } as const;

// The list may be empty, so urql's document cache cannot see that it holds ApiKeys (which a
// created or revoked key invalidates): the context names the type for it.
const API_KEYS_CONTEXT = { additionalTypenames: ['ApiKey'] };

/** The merchant's partner API keys: create one (its secret shown once), list them, revoke one after a confirmation. */
export default function ApiKeysSection() {
  const t = useMessages(apiKeysMessages);
  const common = useMessages(operationsMessages);
  const fmt = useFormat();
  const [list] = useOperationsApiKeysQuery({ context: API_KEYS_CONTEXT });
  const [revoking, revoke] = useOperationsRevokeApiKeyMutation();
  const [confirming, setConfirming] = useState<OperationsApiKeyFragment | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'critical'; message: string } | null>(null);

  const confirmRevoke = async () => {
    if (!confirming) return;
    const key = confirming;
    const result = await revoke({ id: key.id });
    setConfirming(null);
    const answer = result.data?.revokeApiKey;
    const failure = errorResultOf(answer);
    if (answer && !failure) setOutcome({ tone: 'success', message: format(t.revokedNotice, { name: key.name }) });
    else setOutcome({ tone: 'critical', message: failure?.message ?? formErrorsOf(result.error).form ?? t.revokeFailed });
  };

  const rows = (list.data?.apiKeys ?? []).map((key) => {
    const state = apiKeyState(key);
    return [
      <Text as="span" fontWeight="semibold" key="name">
        {key.name}
      </Text>,
      <Text as="span" key="prefix" fontWeight="medium">
        <code>{key.prefix}…</code>
      </Text>,
      <InlineStack gap="100" wrap key="scopes">
        {key.scopes.map((scope) => (
          <Badge key={scope}>{scope}</Badge>
        ))}
      </InlineStack>,
      fmt.dateTime(key.createdAt),
      key.expiresAt ? fmt.dateTime(key.expiresAt) : t.never,
      <Badge key="state" tone={STATE_TONE[state]}>
        {t[state]}
      </Badge>,
      state === 'active' ? (
        <Button key="revoke" size="slim" tone="critical" variant="secondary" accessibilityLabel={format(t.revokeLabel, { name: key.name })} onClick={() => setConfirming(key)}>
          {t.revoke}
        </Button>
      ) : (
        ''
      ),
    ];
  });

  return (
    <BlockStack gap="400">
      <Text as="p">{t.intro}</Text>
      {outcome && (
        <Banner tone={outcome.tone} onDismiss={() => setOutcome(null)}>
          <p>{outcome.message}</p>
        </Banner>
      )}
      <OperationsTable
        caption={t.caption}
        headings={[t.name, t.key, t.scopes, t.created, t.expires, common.status, t.action]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error}
      />
      <CreateApiKeyCard />
      <Modal
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={format(t.revokeTitle, { name: confirming?.name ?? '' })}
        primaryAction={{ content: t.revokeConfirm, destructive: true, loading: revoking.fetching, onAction: () => void confirmRevoke() }}
        secondaryActions={[{ content: t.cancel, onAction: () => setConfirming(null) }]}
      >
        <Modal.Section>
          <Text as="p">{t.revokeBody}</Text>
        </Modal.Section>
      </Modal>
    </BlockStack>
  );
}
