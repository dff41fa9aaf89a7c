import { Banner, BlockStack, Button, Card, Text } from '@shopify/polaris';
import { useState } from 'react';
import { formErrorsOf } from '../../../forms/field-errors.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useOperationsVerifyAuditChainQuery } from '../../../generated/graphql.js';
import { auditMessages } from './audit.messages.js';

/** Verifying walks the whole chain, so it runs when the merchant asks, each time afresh. */
export function AuditChainCard() {
  const t = useMessages(auditMessages);
  const fmt = useFormat();
  const [asked, setAsked] = useState(false);
  const [verification, verify] = useOperationsVerifyAuditChainQuery({ pause: !asked, requestPolicy: 'network-only' });
  const result = verification.data?.verifyAuditChain;
  const shown = asked && !verification.fetching;

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.verifyTitle}
        </Text>
        <Text as="p" tone="subdued">
          {t.verifyHelp}
        </Text>
        <div>
          <Button
            loading={verification.fetching}
            onClick={() => {
              if (asked) verify({ requestPolicy: 'network-only' });
              else setAsked(true);
            }}
          >
            {t.verify}
          </Button>
        </div>
        <div role="status">
          {shown && verification.error && (
            <Banner tone="critical" title={t.verifyFailed}>
              <p>{formErrorsOf(verification.error).form}</p>
            </Banner>
          )}
          {shown && result?.ok && <Banner tone="success" title={format(t.holds, { count: fmt.number(result.entriesChecked) })} />}
          {shown && result && !result.ok && result.firstBreak && (
            <Banner
              tone="critical"
              title={format(t.broken, {
                sequence: fmt.number(result.firstBreak.sequence),
                reason: format(t[result.firstBreak.reason], { expected: fmt.number(result.firstBreak.expectedSequence) }),
              })}
            />
          )}
        </div>
      </BlockStack>
    </Card>
  );
}
