import { Banner, BlockStack, Button, InlineStack, Modal, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { useMessages } from '../../../i18n/i18n.js';
import { webhookSubscriptionsMessages } from './webhook-subscriptions.messages.js';

/**
 * The one look at a signing secret, after a subscription is created or its secret rotated. The
 * secret lives only in the caller's state, which `onClose` clears: once closed, it is gone.
 */
export function WebhookSecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useMessages(webhookSubscriptionsMessages);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const close = () => {
    setCopy('idle');
    onClose();
  };
  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? '');
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Modal open={secret !== null} onClose={close} title={t.secretTitle} primaryAction={{ content: t.done, onAction: close }}>
      <Modal.Section>
        <BlockStack gap="400">
          <Banner tone="warning">
            <p>{t.secretWarning}</p>
          </Banner>
          <TextField label={t.secret} value={secret ?? ''} readOnly autoComplete="off" monospaced selectTextOnFocus />
          <InlineStack gap="200" blockAlign="center">
            <Button onClick={() => void copySecret()}>{t.copy}</Button>
            <span role="status">
              {copy !== 'idle' && (
                <Text as="span" tone={copy === 'copied' ? 'success' : 'critical'}>
                  {copy === 'copied' ? t.copied : t.copyFailed}
                </Text>
              )}
            </span>
          </InlineStack>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
