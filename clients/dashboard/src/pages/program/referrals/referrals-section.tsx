import { Banner, BlockStack, Card, InlineGrid, Layout, SkeletonBodyText, Text } from '@shopify/polaris';
import { useMemo, useState } from 'react';
import { errorResultOf, formErrorsOf, messageOf } from '../../../forms/field-errors.js';
import { FormSaveBar } from '../../../forms/unsaved-changes.js';
import { useProgramReferralsQuery, useProgramReferralsSaveMutation, type ProgramReferralsQuery } from '../../../generated/graphql.js';
import { useFormat, useMessages } from '../../../i18n/i18n.js';
import { useSectionForm } from '../form-checks/use-section-form.js';
import { ReferralProgramFields } from './referral-program-fields.js';
import { checkReferralProgramForm, referralFieldKeyOf, referralProgramFormOf, referralProgramInputOf } from './referrals-form.js';
import { ReferralsList } from './referrals-list.js';
import { referralsMessages, type ReferralsMessages } from './referrals.messages.js';

/** Program → Referrals: the referral program's settings, its figures, and the referrals to review. */
export default function ReferralsSection() {
  const t = useMessages(referralsMessages);
  const [{ data, fetching, error }, refetch] = useProgramReferralsQuery({ requestPolicy: 'cache-and-network' });
  const initial = useMemo(() => (data ? referralProgramFormOf(data.referralProgram) : null), [data]);
  const section = useSectionForm(initial, checkReferralProgramForm);
  const [{ fetching: saving }, saveProgram] = useProgramReferralsSaveMutation();
  const [savedBanner, setSavedBanner] = useState(false);
  const { form } = section;

  if (!form || !data) return fetching ? <SkeletonBodyText lines={8} /> : <Banner tone="critical">{error ? messageOf(error) : t.loadFailed}</Banner>;

  const save = async () => {
    setSavedBanner(false);
    if (!section.tryToSave()) return;
    const result = await saveProgram({ input: referralProgramInputOf(form) });
    const payload = result.data?.updateReferralProgram;
    if (payload?.__typename === 'ReferralProgram') {
      section.saved(referralProgramFormOf(payload));
      setSavedBanner(true);
      return;
    }
    section.setServerErrors(formErrorsOf(result.error, errorResultOf(payload)), referralFieldKeyOf);
  };

  return (
    <BlockStack gap="400">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {section.serverErrors.form && <Banner tone="critical">{section.serverErrors.form}</Banner>}
            {savedBanner && !section.dirty && <Banner tone="success" onDismiss={() => setSavedBanner(false)}>{t.saved}</Banner>}
            <ReferralProgramFields t={t} form={form} setForm={section.setForm} fieldError={section.fieldError} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Stats t={t} stats={data.referralStats} />
        </Layout.Section>
      </Layout>
      <ReferralsList t={t} onDecided={() => refetch({ requestPolicy: 'network-only' })} />
      <FormSaveBar dirty={section.dirty} saving={saving} onSave={save} onDiscard={section.discard} />
    </BlockStack>
  );
}

function Stats({ t, stats }: { t: ReferralsMessages; stats: ProgramReferralsQuery['referralStats'] }) {
  const { number, percent, money } = useFormat();
  const figures: [string, string][] = [
    [t.clicks, number(stats.clicks)],
    [t.claims, number(stats.claims)],
    [t.conversions, number(stats.conversions)],
    [t.conversionRate, percent(stats.conversionRate)],
    [t.completed, number(stats.completed)],
    [t.blocked, number(stats.blocked)],
    [t.voided, number(stats.voided)],
    [t.rejected, number(stats.rejected)],
    [t.pointsAwarded, number(stats.pointsAwarded)],
    [t.revenue, stats.revenue.length ? stats.revenue.map((r) => money(r.amount, r.currency)).join(' + ') : money(0)],
  ];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t.stats}</Text>
        <InlineGrid columns={2} gap="300">
          {figures.map(([label, value]) => (
            <BlockStack key={label} gap="100">
              <Text as="p" tone="subdued">{label}</Text>
              <Text as="p" variant="headingSm">{value}</Text>
            </BlockStack>
          ))}
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
