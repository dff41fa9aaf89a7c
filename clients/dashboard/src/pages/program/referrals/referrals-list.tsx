import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Modal, Pagination, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { NO_ERRORS, errorResultOf, formErrorsOf, messageOf, type FormErrors } from '../../../forms/field-errors.js';
import {
  useProgramReferralApproveMutation,
  useProgramReferralRejectMutation,
  useProgramReferralsListQuery,
  type ProgramReferralFieldsFragment,
  type ReferralStatus,
} from '../../../generated/graphql.js';
import { useFormat } from '../../../i18n/i18n.js';
import { decisionsFor } from './referrals-form.js';
import type { ReferralsMessages } from './referrals.messages.js';

const STATUSES: ReferralStatus[] = ['CLAIMED', 'PENDING', 'COMPLETED', 'BLOCKED', 'VOIDED', 'REJECTED'];
const STATUS_TONE: Partial<Record<ReferralStatus, 'success' | 'attention' | 'critical' | 'info'>> = { COMPLETED: 'success', PENDING: 'info', BLOCKED: 'attention', VOIDED: 'critical', REJECTED: 'critical' };

/** The merchant's referrals, newest claim first, a page at a time, with approve and reject where the status allows. */
export function ReferralsList({ t, onDecided }: { t: ReferralsMessages; onDecided: () => void }) {
  const { dateTime, money } = useFormat();
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  // The cursors of the pages opened so far, to go back; the last one is the current page's.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, error }, refetch] = useProgramReferralsListQuery({ variables: { after: cursors[cursors.length - 1], status: status || null }, requestPolicy: 'cache-and-network' });
  const [, approve] = useProgramReferralApproveMutation();
  const [{ fetching: rejecting }, reject] = useProgramReferralRejectMutation();
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [rejectErrors, setRejectErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<{ tone: 'success' | 'critical'; text: string } | null>(null);

  const decided = (text: string) => {
    setNotice({ tone: 'success', text });
    refetch({ requestPolicy: 'network-only' });
    onDecided();
  };
  const approveReferral = async (id: string) => {
    const result = await approve({ id });
    const payload = result.data?.approveReferral;
    if (payload?.__typename === 'Referral') return decided(t.approved);
    setNotice({ tone: 'critical', text: formErrorsOf(result.error, errorResultOf(payload)).form ?? '' });
  };
  const rejectReferral = async () => {
    if (!rejectingId) return;
    const result = await reject({ id: rejectingId, reason: reason.trim() || null });
    const payload = result.data?.rejectReferral;
    if (payload?.__typename === 'Referral') {
      setRejectingId(null);
      return decided(t.rejectedDone);
    }
    setRejectErrors(formErrorsOf(result.error, errorResultOf(payload), 'reason'));
  };
  const openReject = (id: string) => {
    setRejectingId(id);
    setReason('');
    setRejectErrors(NO_ERRORS);
  };

  const rowOf = (referral: ProgramReferralFieldsFragment) => {
    const allowed = decisionsFor(referral.status);
    return [
      dateTime(referral.claimedAt),
      referral.advocate.email ?? referral.advocate.id,
      <Badge key="status" tone={STATUS_TONE[referral.status]}>{t[referral.status]}</Badge>,
      referral.fraud.reasons.length ? referral.fraud.reasons.map((r) => `${t[r.reason]} (${t[r.action]})`).join(', ') : t.none,
      referral.orderTotal && referral.orderCurrency ? money(referral.orderTotal, referral.orderCurrency) : t.none,
      <InlineStack key="actions" gap="200">
        {allowed.approve && (
          <Button size="slim" onClick={() => approveReferral(referral.id)} accessibilityLabel={`${t.approve} ${referral.advocate.email ?? referral.id}`}>
            {t.approve}
          </Button>
        )}
        {allowed.reject && (
          <Button size="slim" tone="critical" onClick={() => openReject(referral.id)} accessibilityLabel={`${t.reject} ${referral.advocate.email ?? referral.id}`}>
            {t.reject}
          </Button>
        )}
      </InlineStack>,
    ];
  };
  const page = data?.referrals;

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{t.referrals}</Text>
          <Select
            label={t.status}
            labelInline
            options={[{ label: t.allStatuses, value: '' }, ...STATUSES.map((s) => ({ label: t[s], value: s }))]}
            value={status}
            onChange={(value) => {
              setStatus(value as ReferralStatus | '');
              setCursors([null]);
            }}
          />
        </InlineStack>
        {notice && <Banner tone={notice.tone} onDismiss={() => setNotice(null)}>{notice.text}</Banner>}
        {error && <Banner tone="critical">{messageOf(error)}</Banner>}
        {page && page.nodes.length === 0 && <Text as="p" tone="subdued">{t.noReferrals}</Text>}
        {page && page.nodes.length > 0 && (
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text', 'numeric', 'text']}
            headings={[t.claimedAt, t.advocate, t.status, t.fraud, t.order, t.actions]}
            rows={page.nodes.map(rowOf)}
          />
        )}
        <InlineStack align="center">
          <Pagination
            accessibilityLabel={t.referrals}
            hasPrevious={cursors.length > 1}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
            accessibilityLabels={{ previous: t.previous, next: t.next }}
            hasNext={page?.pageInfo.hasNextPage ?? false}
            onNext={() => page?.pageInfo.endCursor && setCursors((c) => [...c, page.pageInfo.endCursor!])}
          />
        </InlineStack>
      </BlockStack>
      <Modal
        open={rejectingId !== null}
        onClose={() => setRejectingId(null)}
        title={t.rejectTitle}
        primaryAction={{ content: t.reject, destructive: true, loading: rejecting, onAction: rejectReferral }}
        secondaryActions={[{ content: t.cancel, onAction: () => setRejectingId(null) }]}
      >
        <Modal.Section>
          <BlockStack gap="300">
            <Text as="p">{t.rejectBody}</Text>
            {rejectErrors.form && <Banner tone="critical">{rejectErrors.form}</Banner>}
            <TextField label={t.rejectReason} autoComplete="off" multiline={3} maxLength={500} value={reason} onChange={setReason} error={rejectErrors.fields.reason} />
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Card>
  );
}
