import { Badge, Banner, BlockStack, Button, InlineStack, Select, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { errorResultOf, formErrorsOf } from '../../../forms/field-errors.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useOperationsDeadLetterSummaryQuery, useOperationsDeadLettersQuery, useOperationsRetryDeadLetterMutation } from '../../../generated/graphql.js';
import { currentCursor, FIRST_PAGE, type CursorTrail } from '../cursor-paging.js';
import { operationsMessages } from '../operations.messages.js';
import { OperationsTable } from '../operations-table.js';
import {
  DEAD_LETTER_DOMAINS,
  DEAD_LETTER_STATUSES,
  deadLetterTone,
  domainFlags,
  domainsNeedingRetry,
  parseDeadLetterStatus,
  parseDomain,
  type DeadLetterDomain,
} from './dead-letter-domains.js';
import { deadLettersMessages } from './dead-letters.messages.js';

type Outcome = { tone: 'success' | 'critical'; message: string };

/** Every domain's dead-lettered events, one domain at a time, with a retry per event. */
export default function DeadLettersSection() {
  const t = useMessages(deadLettersMessages);
  const common = useMessages(operationsMessages);
  const fmt = useFormat();
  const [chosenDomain, setChosenDomain] = useState<DeadLetterDomain | null>(null);
  const [status, setStatus] = useState('');
  const [trail, setTrail] = useState<CursorTrail>(FIRST_PAGE);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const [summary] = useOperationsDeadLetterSummaryQuery();
  const waiting = domainsNeedingRetry(summary.data);
  // The page opens on the first domain with something to retry, and stays there: a retry that
  // empties that domain must not move the merchant to another one.
  useEffect(() => {
    if (!chosenDomain && (summary.data || summary.error)) setChosenDomain(domainsNeedingRetry(summary.data)[0] ?? 'merchant');
  }, [summary.data, summary.error, chosenDomain]);
  const domain = chosenDomain ?? 'merchant';
  const [list] = useOperationsDeadLettersQuery({
    variables: { ...domainFlags(domain), status: parseDeadLetterStatus(status), after: currentCursor(trail) },
    pause: !chosenDomain,
  });
  const [retrying, retry] = useOperationsRetryDeadLetterMutation();
  const page = list.data?.[domain];

  const onRetry = async (id: string, topic: string) => {
    setOutcome(null);
    const result = await retry({ id, ...domainFlags(domain) });
    const answer = result.data?.[domain];
    const failure = errorResultOf(answer);
    if (answer && !failure) {
      // urql's document cache refetches both lists: they hold the DeadLetterEvent the mutation returned.
      setOutcome({ tone: 'success', message: format(t.retried, { topic }) });
    } else {
      setOutcome({ tone: 'critical', message: failure?.message ?? formErrorsOf(result.error).form ?? t.retryFailed });
    }
  };

  const rows = (page?.nodes ?? []).map((letter) => [
    <BlockStack gap="050" key="topic">
      <Text as="span" fontWeight="semibold">
        {letter.topic}
      </Text>
      <Text as="span" tone="subdued" variant="bodySm">
        {letter.eventId}
      </Text>
    </BlockStack>,
    <Text as="span" key="error" breakWord>
      {letter.error}
    </Text>,
    fmt.number(letter.attempts),
    fmt.dateTime(letter.failedAt),
    <Badge key="status" tone={deadLetterTone(letter.status)}>
      {t[letter.status]}
    </Badge>,
    letter.status === 'RESOLVED' ? (
      ''
    ) : (
      <Button
        key="retry"
        size="slim"
        onClick={() => void onRetry(letter.id, letter.topic)}
        loading={retrying.fetching && retrying.operation?.variables.id === letter.id}
        accessibilityLabel={format(t.retryLabel, { topic: letter.topic, id: letter.eventId })}
      >
        {t.retry}
      </Button>
    ),
  ]);

  return (
    <BlockStack gap="400">
      <Text as="p">{t.intro}</Text>
      <InlineStack gap="400" wrap>
        <Select
          label={t.domain}
          options={DEAD_LETTER_DOMAINS.map((d) => ({ value: d, label: waiting.includes(d) ? format(t.waiting, { domain: t[d] }) : t[d] }))}
          value={domain}
          onChange={(value) => {
            setChosenDomain(parseDomain(value));
            setTrail(FIRST_PAGE);
            setOutcome(null);
          }}
        />
        <Select
          label={common.status}
          options={[{ value: '', label: common.anyStatus }, ...DEAD_LETTER_STATUSES.map((s) => ({ value: s, label: t[s] }))]}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setTrail(FIRST_PAGE);
          }}
        />
      </InlineStack>
      {outcome && (
        <Banner tone={outcome.tone} onDismiss={() => setOutcome(null)}>
          <p>{outcome.message}</p>
        </Banner>
      )}
      <OperationsTable
        caption={`${t.caption}: ${t[domain]}`}
        headings={[t.topic, t.error, t.attempts, t.failedAt, common.status, t.action]}
        numericColumns={[2]}
        rows={rows}
        empty={t.empty}
        fetching={list.fetching}
        error={list.error ?? summary.error}
        paging={{ trail, pageInfo: page?.pageInfo, onTrail: setTrail }}
      />
    </BlockStack>
  );
}
