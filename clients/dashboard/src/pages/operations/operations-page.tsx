import { BlockStack, Loading, Page, Tabs } from '@shopify/polaris';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useLocation, useParams } from 'wouter';
import { useMessages } from '../../i18n/i18n.js';
import { operationsMessages } from './operations.messages.js';
import { DisabledWebhookSubscriptionsBanner } from './webhook-subscriptions/disabled-webhook-subscriptions-banner.js';

type SectionKey = 'dead-letters' | 'gdpr' | 'webhooks' | 'webhook-subscriptions' | 'api-keys' | 'audit';
type LabelKey = 'deadLetters' | 'gdpr' | 'webhooks' | 'webhookSubscriptions' | 'apiKeys' | 'audit';

/** Each section is its own chunk, loaded when its tab opens. */
const SECTIONS: { key: SectionKey; label: LabelKey; component: LazyExoticComponent<ComponentType> }[] = [
  { key: 'dead-letters', label: 'deadLetters', component: lazy(() => import('./dead-letters/dead-letters-section.js')) },
  { key: 'gdpr', label: 'gdpr', component: lazy(() => import('./gdpr/gdpr-section.js')) },
  { key: 'webhooks', label: 'webhooks', component: lazy(() => import('./webhooks/webhooks-section.js')) },
  { key: 'webhook-subscriptions', label: 'webhookSubscriptions', component: lazy(() => import('./webhook-subscriptions/webhook-subscriptions-section.js')) },
  { key: 'api-keys', label: 'apiKeys', component: lazy(() => import('./api-keys/api-keys-section.js')) },
  { key: 'audit', label: 'audit', component: lazy(() => import('./audit/audit-section.js')) },
];

/**
 * /operations/<section>: what runs behind the program (failed events, GDPR, the Shopify webhook
 * inbox), outgoing webhook subscriptions, partner API keys and the audit trail. Whichever tab is
 * open, an endpoint that failures turned off is shown above it: the merchant must learn of it.
 */
export default function OperationsPage() {
  const t = useMessages(operationsMessages);
  const { section } = useParams<{ section?: string }>();
  const [, navigate] = useLocation();
  const selected = Math.max(
    0,
    SECTIONS.findIndex((s) => s.key === section),
  );
  const { key, component: Section } = SECTIONS[selected];
  return (
    <Page title={t.title}>
      <BlockStack gap="400">
        <DisabledWebhookSubscriptionsBanner linked={key !== 'webhook-subscriptions'} />
        <Tabs
          tabs={SECTIONS.map((s) => ({ id: `operations-${s.key}`, content: t[s.label], panelID: `operations-${s.key}-panel` }))}
          selected={selected}
          onSelect={(index) => navigate(`/operations/${SECTIONS[index].key}`)}
        >
          <div id={`operations-${key}-panel`} role="tabpanel" aria-labelledby={`operations-${key}`} style={{ paddingTop: 'var(--p-space-400)' }}>
            <Suspense fallback={<Loading />}>
              {/* Keyed by section: a section's filters and pages start afresh when its tab opens again. */}
              <Section key={key} />
            </Suspense>
          </div>
        </Tabs>
      </BlockStack>
    </Page>
  );
}
