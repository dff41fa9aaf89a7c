import { Banner, BlockStack, Button, InlineStack, Modal, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';

/** The modal's words, from the page that shows the secret (an API key's, a webhook endpoint's). */
export interface SecretShownOnceLabels {
  title: string;
  warning: string;
  secret: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

/**
 * The one look at a secret the API returns once (a new API key, a webhook endpoint's signing
 * secret). The secret lives only in the caller's state, which `onClose` clears: once closed, it is gone.
 */
export function SecretShownOnceModal({ secret, labels, onClose }: { secret: string | null; labels: SecretShownOnceLabels; onClose: () => void }) {
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
    <Modal open={secret !== null} onClose={close} title={labels.title} primaryAction={{ content: labels.done, onAction: close }}>
      <Modal.Section>
        <BlockStack gap="400">
          <Banner tone="warning">
            <p>{labels.warning}</p>
          </Banner>
          <TextField label={labels.secret} value={secret ?? ''} readOnly autoComplete="off" monospaced selectTextOnFocus />
          <InlineStack gap="200" blockAlign="center">
            <Button onClick={() => void copySecret()}>{labels.copy}</Button>
            <span role="status">
              {copy !== 'idle' && (
                <Text as="span" tone={copy === 'copied' ? 'success' : 'critical'}>
                  {copy === 'copied' ? labels.copied : labels.copyFailed}
                </Text>
              )}
            </span>
          </InlineStack>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

/** A page's messages carrying the modal's keys, as the modal's labels. */
export function secretShownOnceLabels(t: { secretTitle: string; secretWarning: string; secret: string; copy: string; copied: string; copyFailed: string; done: string }): SecretShownOnceLabels {
  return { title: t.secretTitle, warning: t.secretWarning, secret: t.secret, copy: t.copy, copied: t.copied, copyFailed: t.copyFailed, done: t.done };
}
