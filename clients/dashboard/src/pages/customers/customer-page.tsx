import { Banner, BlockStack, Card, InlineGrid, Layout, Link, Page, ProgressBar, SkeletonPage, Text } from '@shopify/polaris';
import type { ReactNode } from 'react';
import { useParams } from 'wouter';
import { useCustomerDetailQuery, type CustomerDetailQuery, type TierMetric } from '../../generated/graphql.js';
import { format, useFormat, useMessages, type Formatters } from '../../i18n/i18n.js';
import { PointsHistoryCard, RedemptionsCard } from './customer-activity.js';
import { apiLocale, customerName, tierProgressPercent } from './customer-format.js';
import { CustomerPointsForm } from './customer-points-form.js';
import { customerMessages } from './customer.messages.js';

type Customer = NonNullable<CustomerDetailQuery['customer']>;
type T = Record<keyof (typeof customerMessages)['en'], string>;

/** A figure with its label, named by it for assistive technology (and for tests). */
function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <BlockStack gap="100">
        <Text as="p" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingLg">
          {children}
        </Text>
      </BlockStack>
    </div>
  );
}

function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

const NEXT_TIER_MESSAGE: Record<TierMetric, 'nextTierPoints' | 'nextTierAmount' | 'nextTierOrders'> = {
  POINTS_EARNED: 'nextTierPoints',
  AMOUNT_SPENT: 'nextTierAmount',
  ORDERS_COUNT: 'nextTierOrders',
};

function TierCard({ tier, t, fmt }: { tier: Customer['tier']; t: T; fmt: Formatters }) {
  const { progress } = tier;
  const next = progress.nextTier;
  const percent = tierProgressPercent(progress.value, progress.deltaToNext);
  const delta = progress.deltaToNext ?? 0;
  return (
    <SectionCard title={t.tierTitle}>
      <Text as="p" variant="headingLg">
        {tier.current?.name ?? t.noTier}
      </Text>
      {tier.current && tier.since && (
        <Text as="p" tone="subdued">
          {format(t.tierSince, { date: fmt.date(tier.since) })}
        </Text>
      )}
      {next && percent !== null ? (
        <BlockStack gap="200">
          <ProgressBar progress={percent} size="small" ariaLabelledBy="tier-progress-label" />
          <Text as="p" id="tier-progress-label">
            {delta > 0
              ? format(t[NEXT_TIER_MESSAGE[progress.metric]], { delta: progress.metric === 'AMOUNT_SPENT' ? fmt.money(delta) : fmt.number(delta), tier: next.name })
              : format(t.nextTierReached, { tier: next.name })}
          </Text>
        </BlockStack>
      ) : (
        tier.current && <Text as="p">{t.topTier}</Text>
      )}
    </SectionCard>
  );
}

function ReferralCard({ referral, t, fmt }: { referral: Customer['referral']; t: T; fmt: Formatters }) {
  return (
    <SectionCard title={t.referralTitle}>
      {referral ? (
        <BlockStack gap="300">
          <Stat label={t.referralCode}>{referral.code}</Stat>
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t.referralLink}
            </Text>
            <Text as="p" breakWord>
              <Link url={referral.url} target="_blank">
                {referral.url}
              </Link>
            </Text>
          </BlockStack>
          <InlineGrid columns={2} gap="300">
            <Stat label={t.clicks}>{fmt.number(referral.clicks)}</Stat>
            <Stat label={t.referred}>{fmt.number(referral.referred)}</Stat>
            <Stat label={t.completed}>{fmt.number(referral.completed)}</Stat>
            <Stat label={t.pointsEarned}>{fmt.number(referral.pointsEarned)}</Stat>
          </InlineGrid>
        </BlockStack>
      ) : (
        <Text as="p" tone="subdued">
          {t.noReferral}
        </Text>
      )}
    </SectionCard>
  );
}

function RfmCard({ rfm, t, fmt }: { rfm: Customer['rfm']; t: T; fmt: Formatters }) {
  return (
    <SectionCard title={t.rfmTitle}>
      {rfm ? (
        <BlockStack gap="300">
          <Text as="p" variant="headingLg">
            {rfm.segment.name}
          </Text>
          {rfm.since && (
            <Text as="p" tone="subdued">
              {format(t.segmentSince, { date: fmt.date(rfm.since) })}
            </Text>
          )}
          <InlineGrid columns={3} gap="300">
            <Stat label={t.recency}>{format(t.score, { score: rfm.recency })}</Stat>
            <Stat label={t.frequency}>{format(t.score, { score: rfm.frequency })}</Stat>
            <Stat label={t.monetary}>{format(t.score, { score: rfm.monetary })}</Stat>
          </InlineGrid>
        </BlockStack>
      ) : (
        <Text as="p" tone="subdued">
          {t.notScored}
        </Text>
      )}
    </SectionCard>
  );
}

/**
 * /customers/:id: a customer's points, tier, referrals and segment, with the form to adjust their
 * points. An id the merchant has no customer under (another shop's, an erased one's, not an id at
 * all) reads as null from the API and shows as not found.
 */
export default function CustomerPage() {
  const t = useMessages(customerMessages);
  const fmt = useFormat();
  const { id } = useParams<{ id: string }>();
  const [{ data, fetching, error }] = useCustomerDetailQuery({ variables: { id, locale: apiLocale(fmt.locale) } });
  const back = { content: t.customers, url: '/customers' };

  if (!data && fetching) return <SkeletonPage backAction />;
  const customer = data?.customer;
  if (!customer) {
    return (
      <Page title={error ? t.customers : t.notFoundTitle} backAction={back}>
        <Banner tone={error ? 'critical' : 'warning'}>
          <p>{error ? t.loadError : t.notFoundBody}</p>
        </Banner>
      </Page>
    );
  }
  return (
    <Page
      title={customerName(customer) ?? t.unnamed}
      subtitle={format(t.summary, { orders: fmt.number(customer.ordersCount), spent: fmt.money(customer.totalSpent), date: fmt.date(customer.createdAt) })}
      backAction={back}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <SectionCard title={t.pointsTitle}>
              <InlineGrid columns={3} gap="400">
                <Stat label={t.balance}>{fmt.number(customer.points.balance)}</Stat>
                <Stat label={t.pending}>{fmt.number(customer.points.pending)}</Stat>
                <Stat label={t.lifetimeEarned}>{fmt.number(customer.points.lifetimeEarned)}</Stat>
              </InlineGrid>
            </SectionCard>
            <PointsHistoryCard customerId={customer.id} />
            <RedemptionsCard customerId={customer.id} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <CustomerPointsForm customerId={customer.id} />
            <TierCard tier={customer.tier} t={t} fmt={fmt} />
            <ReferralCard referral={customer.referral} t={t} fmt={fmt} />
            <RfmCard rfm={customer.rfm} t={t} fmt={fmt} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
