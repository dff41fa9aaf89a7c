import { Badge, Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from '@shopify/polaris';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../forms/field-errors.js';
import { useProgramSegmentRunQuery, useProgramSegmentsRecomputeMutation, type ProgramSegmentRunFieldsFragment } from '../../../generated/graphql.js';
import { format, useFormat } from '../../../i18n/i18n.js';
import type { SegmentsMessages } from './segments.messages.js';

/** How often a queued or running recompute is asked for its progress. */
const POLL_MS = 1000;

const TONE = { QUEUED: 'info', RUNNING: 'attention', SUCCEEDED: 'success', FAILED: 'critical' } as const;

/**
 * The latest recompute and its progress, followed until it ends, and a button to start one. When a
 * run it followed ends, `onFinished` lets the section read the new member counts.
 */
export function SegmentRun({ t, latest, onStarted, onFinished }: { t: SegmentsMessages; latest: ProgramSegmentRunFieldsFragment | null; onStarted: (run: ProgramSegmentRunFieldsFragment) => void; onFinished: () => void }) {
  const { number, dateTime } = useFormat();
  const [{ fetching: starting }, recompute] = useProgramSegmentsRecomputeMutation();
  const [{ data }, poll] = useProgramSegmentRunQuery({ variables: { id: latest?.id ?? '' }, pause: !latest, requestPolicy: 'network-only' });
  const run = data?.segmentRun && data.segmentRun.id === latest?.id ? data.segmentRun : latest;
  const active = run?.status === 'QUEUED' || run?.status === 'RUNNING';
  const wasActive = useRef(false);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => poll({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [active, poll]);
  useEffect(() => {
    if (wasActive.current && !active) onFinished();
    wasActive.current = active;
  }, [active, onFinished]);

  const [failure, setFailure] = useState<string | null>(null);
  const start = async () => {
    const result = await recompute({});
    setFailure(result.error ? messageOf(result.error) : null);
    if (result.data) onStarted(result.data.recomputeSegments);
  };
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{t.run}</Text>
          <Button onClick={start} loading={starting} disabled={active}>{t.recompute}</Button>
        </InlineStack>
        {failure && <Banner tone="critical">{failure}</Banner>}
        {!run && <Text as="p" tone="subdued">{t.noRun}</Text>}
        {run && (
          <BlockStack gap="200">
            <InlineStack gap="200" blockAlign="center">
              <Badge tone={TONE[run.status]}>{t[run.status]}</Badge>
              <Text as="span" tone="subdued">{format(t.runRequested, { when: dateTime(run.requestedAt), trigger: t[run.trigger] })}</Text>
            </InlineStack>
            <ProgressBar progress={run.progress} tone={run.status === 'FAILED' ? 'critical' : 'primary'} size="small" ariaLabelledBy="program-segment-run-progress" />
            <Text as="p" id="program-segment-run-progress">{format(t.runProgress, { processed: number(run.processed), total: number(run.total) })}</Text>
            {run.error && <Text as="p" tone="critical">{run.error}</Text>}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
