import { Banner, BlockStack, Card, InlineStack, Link, Text } from '@shopify/polaris';
import { useEffect, useId } from 'react';
import { messageOf } from '../../forms/field-errors.js';
import { liveConnection } from '../../graphql/client.js';
import { useOverviewActivitySubscription, type OverviewActivitySubscription } from '../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../i18n/i18n.js';
import { customerLabel, lineOf, withNewest, type ActivityLine } from './activity-lines.js';
import { overviewMessages } from './overview.messages.js';

type Received = OverviewActivitySubscription['merchantActivity'] & { seq: number };

// Two events may share a commit instant; each line needs a key of its own.
let received = 0;

/** The merchant's activity as it commits, newest first; it starts empty when the page opens. */
export function ActivityFeed({ tiers, segments, onActivity }: { tiers?: { id: string; name: string }[]; segments?: { handle: string; name: string }[]; onActivity?: () => void }) {
  const t = useMessages(overviewMessages);
  const f = useFormat();
  const id = useId();
  const [{ data: feed = [], error }] = useOverviewActivitySubscription<Received[]>({}, (previous = [], data) => withNewest(previous, { ...data.merchantActivity, seq: ++received }));
  const newest = feed[0]?.seq;
  useEffect(() => {
    if (newest !== undefined) onActivity?.();
  }, [newest, onActivity]);
  // Lines published while the socket was reconnecting are not replayed: the figures catch up.
  useEffect(() => {
    if (!onActivity) return;
    liveConnection.addEventListener('reconnected', onActivity);
    return () => liveConnection.removeEventListener('reconnected', onActivity);
  }, [onActivity]);
  const tierName = (tierId: string) => tiers?.find((tier) => tier.id === tierId)?.name ?? null;
  const segmentName = (handle: string) => segments?.find((segment) => segment.handle === handle)?.name ?? null;

  const sentence = (line: ActivityLine, customer: string) => {
    switch (line.key) {
      case 'redemption':
        return format(t.redemption, { customer, status: line.status ? t[line.status] : '—' });
      case 'tierUp':
      case 'tierDown':
        return format(t[line.key], { customer, tier: line.tier ?? t.noTier });
      case 'segment':
        return line.segment ? format(t.segment, { customer, segment: line.segment }) : format(t.noSegment, { customer });
      case 'webhook':
        return format(t.webhook, { topic: line.topic });
      case 'other':
        return format(t.other, { kind: line.kind });
      default:
        return format(t[line.key], { customer, points: f.number(line.points) });
    }
  };

  return (
    <Card>
      <section aria-labelledby={id}>
        <BlockStack gap="300">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd" id={id}>
              {t.feed}
            </Text>
            <Text as="p" tone="subdued">
              {t.feedHelp}
            </Text>
          </BlockStack>
          {error && (
            <Banner tone="warning">
              <Text as="p">{format(t.feedStopped, { reason: messageOf(error) })}</Text>
            </Banner>
          )}
          {/* polite: a busy shop's lines are read out when the reader pauses, not over each other */}
          <div aria-live="polite">
            {feed.length === 0 ? (
              <Text as="p" tone="subdued">
                {t.feedEmpty}
              </Text>
            ) : (
              <ol aria-label={t.feed} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {feed.map((activity) => {
                  const who = customerLabel(activity.customer) ?? t.someone;
                  return (
                    <li key={activity.seq} style={{ padding: 'var(--p-space-200) 0', borderTop: 'var(--p-border-width-025) solid var(--p-color-border-secondary)' }}>
                      <InlineStack align="space-between" gap="200" blockAlign="center" wrap={false}>
                        <Text as="span">
                          {activity.customer ? <Link url={`/customers/${activity.customer.id}`}>{sentence(lineOf(activity, tierName, segmentName), who)}</Link> : sentence(lineOf(activity, tierName, segmentName), who)}
                        </Text>
                        <Text as="span" tone="subdued">
                          <time dateTime={activity.committedAt}>{f.dateTime(activity.committedAt)}</time>
                        </Text>
                      </InlineStack>
                    </li>
                  );
                })}
              </ol>
            )}
          </div>
        </BlockStack>
      </section>
    </Card>
  );
}
