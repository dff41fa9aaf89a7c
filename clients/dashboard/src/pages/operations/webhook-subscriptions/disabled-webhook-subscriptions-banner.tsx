import { Banner, BlockStack } from '@shopify/polaris';
import { useOperationsDisabledWebhookSubscriptionsQuery } from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { operationsMessages } from '../operations.messages.js';
import { disabledByFailures } from './webhook-subscription-form.js';

// Shares its type with the subscriptions tab's list, so turning one on there (or here) refetches this.
const CONTEXT = { additionalTypenames: ['WebhookSubscription'] };

/**
 * On every tab of the operations page: each endpoint that failures turned off, since when, and a
 * link to the tab where it is turned on again (`linked`; not on that tab itself) (a router link: Polaris renders it through root.tsx's PolarisLink). Failing to load says nothing: the tab itself shows
 * the API's error.
 */
export function DisabledWebhookSubscriptionsBanner({ linked }: { linked: boolean }) {
  const t = useMessages(operationsMessages);
  const fmt = useFormat();
  const [list] = useOperationsDisabledWebhookSubscriptionsQuery({ context: CONTEXT });
  const disabled = disabledByFailures(list.data?.webhookSubscriptions ?? []);
  if (!disabled.length) return null;
  return (
    <BlockStack gap="200">
      {disabled.map((subscription) => (
        <Banner
          key={subscription.id}
          tone="critical"
          title={format(t.webhookDisabledTitle, { url: subscription.url })}
          action={linked ? { content: t.webhookDisabledAction, url: '/operations/webhook-subscriptions' } : undefined}
        >
          <p>
            {format(t.webhookDisabledBody, {
              since: subscription.failingSince ? fmt.dateTime(subscription.failingSince) : '—',
              disabledAt: subscription.disabledAt ? fmt.dateTime(subscription.disabledAt) : '—',
            })}
          </p>
        </Banner>
      ))}
    </BlockStack>
  );
}
