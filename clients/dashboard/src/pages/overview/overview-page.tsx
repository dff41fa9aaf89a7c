import { Banner, BlockStack, Card, InlineGrid, InlineStack, Page, Select, SkeletonBodyText, SkeletonDisplayText, Text } from '@shopify/polaris';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../../forms/field-errors.js';
import { useDashboardShellQuery, useOverviewFiguresQuery, type LocaleCode } from '../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../i18n/i18n.js';
import { ActivityFeed } from './activity-feed.js';
import { DEFAULT_PERIOD, nextMinute, PERIOD_DAYS, periodOf, redemptionRate, revenueIn, type PeriodDays } from './overview-kpis.js';
import { overviewMessages } from './overview.messages.js';

// The charts are their own chunk: the first screen shows the figures without waiting for them.
const TierChart = lazy(() => import('./overview-charts.js').then((charts) => ({ default: charts.TierChart })));
const SegmentChart = lazy(() => import('./overview-charts.js').then((charts) => ({ default: charts.SegmentChart })));

/** How long after a burst of activity starts the figures are read again: the burst costs one read. */
const FIGURES_REFRESH_MS = 3000;

/** /: the program at a glance over the last 7, 30 or 90 days, its tiers and segments, and what happens live. */
export default function OverviewPage() {
  const t = useMessages(overviewMessages);
  const f = useFormat();
  const [days, setDays] = useState<PeriodDays>(DEFAULT_PERIOD);
  // The shell has loaded the shop already: this reads its cached answer for the shop's time zone.
  const [{ data: shell }] = useDashboardShellQuery({ requestPolicy: 'cache-first' });
  const timeZone = shell?.merchant.timezone ?? 'UTC';
  // The period ends at the next whole minute after `now`, taken when the period is chosen and again
  // a few seconds after the live feed shows activity (at most every FIGURES_REFRESH_MS however busy
  // the shop), so that the figures take in what the feed has just shown. A whole minute: refreshes
  // within it read the same variables again instead of caching one answer per refresh.
  const [now, setNow] = useState(() => nextMinute(new Date()));
  const period = useMemo(() => periodOf(days, now, timeZone), [days, now, timeZone]);
  const [{ data: answer, error, fetching, operation }, reload] = useOverviewFiguresQuery({
    variables: { ...period, locale: f.locale.toUpperCase() as LocaleCode },
    requestPolicy: 'cache-and-network',
  });
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);
  const nowRef = useRef(now);
  nowRef.current = now;
  const refreshSoon = useCallback(() => {
    if (refreshTimer.current !== undefined) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = undefined;
      const next = nextMinute(new Date());
      if (next.getTime() === nowRef.current.getTime()) reload({ requestPolicy: 'network-only' });
      else setNow(next);
    }, FIGURES_REFRESH_MS);
  }, [reload]);
  // urql keeps the last answer while another period loads: its figures show only if it is this
  // period's length (a refresh of the same period), never 30 days' figures under "Last 7 days". The
  // charts keep it: tiers do not depend on the period, and the segment chart draws the chosen
  // period's days from whatever days the answer holds, so it stays open (its table too) meanwhile.
  const answered = operation?.variables as { from?: string; to?: string } | undefined;
  const answeredDays = answered?.from && answered.to ? Math.round((Date.parse(answered.to) - Date.parse(answered.from)) / 86_400_000) : null;
  const data = answer && answeredDays === days ? answer : undefined;

  const figures = data && {
    members: f.number(data.merchant.customerCount),
    issued: f.number(data.pointsSummary.issued),
    redeemed: f.number(data.pointsSummary.redeemed),
    rate: redemptionRate(data.pointsSummary.issued, data.pointsSummary.redeemed),
    liability: f.money(data.pointsLiability.outstandingValue),
    liabilityPoints: f.number(data.pointsLiability.outstandingPoints),
    revenue: revenueIn(data.memberRevenue, f.currency),
  };

  return (
    <Page title={t.title}>
      <BlockStack gap="400">
        <InlineStack align="end">
          <Select
            label={t.period}
            labelInline
            options={PERIOD_DAYS.map((n) => ({ label: format(t.lastDays, { days: n }), value: String(n) }))}
            value={String(days)}
            onChange={(value) => {
              setDays(Number(value) as PeriodDays);
              setNow(nextMinute(new Date()));
            }}
          />
        </InlineStack>
        {error && !fetching && (
          <Banner tone="critical" title={t.loadFailed} action={{ content: t.retry, onAction: () => reload({ requestPolicy: 'network-only' }) }}>
            <Text as="p">{messageOf(error)}</Text>
          </Banner>
        )}
        <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
          <Kpi label={t.members} help={t.membersHelp} value={figures?.members} />
          <Kpi label={t.pointsIssued} help={t.pointsIssuedHelp} value={figures?.issued} />
          <Kpi label={t.pointsRedeemed} help={t.pointsRedeemedHelp} value={figures?.redeemed} />
          <Kpi
            label={t.redemptionRate}
            help={figures && figures.rate === null ? t.redemptionRateNone : t.redemptionRateHelp}
            value={figures && (figures.rate === null ? '—' : f.percent(figures.rate))}
          />
          <Kpi label={t.liability} help={figures ? format(t.liabilityHelp, { points: figures.liabilityPoints }) : ''} value={figures?.liability} />
          <Kpi
            label={t.revenue}
            help={figures ? format(t.revenueHelp, { orders: f.number(figures.revenue.orders) }) : ''}
            value={figures && f.money(figures.revenue.net)}
          >
            {figures && figures.revenue.others.length > 0 && (
              <Text as="p" tone="subdued">
                {format(t.revenueOthers, {
                  amounts: figures.revenue.others.map((line) => (line.currency ? f.money(line.net, line.currency) : format(t.unknownCurrency, { amount: f.number(Number(line.net)) }))).join(', '),
                })}
              </Text>
            )}
          </Kpi>
        </InlineGrid>
        <InlineGrid columns={{ xs: 1, md: ['oneThird', 'twoThirds'] }} gap="400">
          <ChartCard title={t.tiers}>{answer && <TierChart distribution={answer.tierDistribution} />}</ChartCard>
          <ChartCard title={t.segments}>{answer && <SegmentChart counts={answer.segmentCounts} segments={answer.segments} fromDay={period.fromDay} toDay={period.toDay} />}</ChartCard>
        </InlineGrid>
        <ActivityFeed tiers={answer?.tierDistribution.tiers.map((row) => row.tier)} segments={answer?.segments} onActivity={refreshSoon} />
      </BlockStack>
    </Page>
  );
}

/** One figure, named by its label for assistive technology (and tests) as a group. */
function Kpi({ label, help, value, children }: { label: string; help: string; value: string | null | undefined; children?: ReactNode }) {
  const id = useId();
  return (
    <Card>
      <div role="group" aria-labelledby={id}>
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm" id={id}>
            {label}
          </Text>
          {value == null ? (
            <SkeletonDisplayText size="small" />
          ) : (
            <Text as="p" variant="heading2xl">
              {value}
            </Text>
          )}
          <Text as="p" tone="subdued">
            {help}
          </Text>
          {children}
        </BlockStack>
      </div>
    </Card>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  const loading = <SkeletonBodyText lines={4} />;
  return (
    <Card>
      <section aria-labelledby={id}>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd" id={id}>
            {title}
          </Text>
          <Suspense fallback={loading}>{children ?? loading}</Suspense>
        </BlockStack>
      </section>
    </Card>
  );
}
