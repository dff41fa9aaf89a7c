import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineError, InlineStack, Layout, Select, SkeletonBodyText, Text, TextField } from '@shopify/polaris';
import { useCallback, useMemo, useState } from 'react';
import { errorResultOf, formErrorsOf, messageOf } from '../../../forms/field-errors.js';
import { FormSaveBar } from '../../../forms/unsaved-changes.js';
import { useProgramSegmentsQuery, useProgramSegmentsSaveMutation, type ProgramSegmentRunFieldsFragment } from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { useSectionForm } from '../form-checks/use-section-form.js';
import { SegmentFields } from './segment-fields.js';
import { SegmentRun } from './segment-run.js';
import { checkSegmentsForm, newCustomSegment, segmentFieldKeyOf, segmentsFormOf, segmentsInputOf, THRESHOLDS, type SegmentForm, type SegmentsForm } from './segments-form.js';
import { segmentsMessages } from './segments.messages.js';

/** Program → Segments: how customers are scored, every segment with its members, and recomputing on demand. */
export default function SegmentsSection() {
  const t = useMessages(segmentsMessages);
  const { currency } = useFormat();
  const [{ data, fetching, error }, refetch] = useProgramSegmentsQuery({ requestPolicy: 'cache-and-network' });
  const initial = useMemo(() => (data ? segmentsFormOf(data.segmentSettings, data.segments) : null), [data]);
  const section = useSectionForm(initial, checkSegmentsForm);
  const [{ fetching: saving }, saveSegments] = useProgramSegmentsSaveMutation();
  const [savedBanner, setSavedBanner] = useState(false);
  const [startedRun, setStartedRun] = useState<ProgramSegmentRunFieldsFragment | null>(null);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { form, setForm } = section;

  if (!form || !data) return fetching ? <SkeletonBodyText lines={8} /> : <Banner tone="critical">{error ? messageOf(error) : t.loadFailed}</Banner>;

  // A run started here shows at once; a later one (a save's) replaces it once read back.
  const fetchedRun = data.segmentRuns[0] ?? null;
  const latestRun = startedRun && (!fetchedRun || startedRun.requestedAt > fetchedRun.requestedAt) ? startedRun : fetchedRun;
  const members = new Map(data.segments.map((s) => [s.handle, s.members]));

  const save = async () => {
    setSavedBanner(false);
    if (!section.tryToSave()) return;
    const result = await saveSegments({ input: segmentsInputOf(form) });
    const payload = result.data?.updateSegments;
    if (payload?.__typename === 'SegmentSetup') {
      section.saved(segmentsFormOf(payload.settings, payload.segments));
      setSavedBanner(true);
      reload();
      return;
    }
    section.setServerErrors(formErrorsOf(result.error, errorResultOf(payload)), segmentFieldKeyOf);
  };
  const set = <K extends keyof SegmentsForm>(key: K) => (value: SegmentsForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setSegment = (index: number, change: Partial<SegmentForm>) => setForm((f) => ({ ...f, segments: f.segments.map((s, i) => (i === index ? { ...s, ...change } : s)) }));
  const listError = section.fieldError('segments');

  return (
    <Layout>
      <Layout.Section>
        <BlockStack gap="400">
          {section.serverErrors.form && <Banner tone="critical">{section.serverErrors.form}</Banner>}
          {savedBanner && !section.dirty && <Banner tone="success" onDismiss={() => setSavedBanner(false)}>{t.saved}</Banner>}
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t.scoringTitle}</Text>
              <FormLayout>
                <FormLayout.Group>
                  <TextField label={t.windowDays} helpText={t.windowDaysHelp} autoComplete="off" inputMode="numeric" value={form.windowDays} onChange={set('windowDays')} error={section.fieldError('windowDays')} />
                  <Select
                    label={t.scoring}
                    options={(['QUINTILE', 'THRESHOLD'] as const).map((value) => ({ label: t[value], value }))}
                    value={form.scoring}
                    onChange={set('scoring') as (value: string) => void}
                    error={section.fieldError('scoring')}
                  />
                </FormLayout.Group>
                {form.scoring === 'THRESHOLD' &&
                  THRESHOLDS.map((name) => (
                    <TextField
                      key={name}
                      label={format(t[name], { currency })}
                      helpText={t.thresholdsHelp}
                      autoComplete="off"
                      value={form.thresholds[name]}
                      onChange={(value) => setForm((f) => ({ ...f, thresholds: { ...f.thresholds, [name]: value } }))}
                      error={section.fieldError(`thresholds.${name}`)}
                    />
                  ))}
                <Checkbox label={t.syncMetafield} checked={form.syncMetafield} onChange={set('syncMetafield')} />
              </FormLayout>
            </BlockStack>
          </Card>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t.segments}</Text>
              <Text as="p" tone="subdued">{t.segmentsHelp}</Text>
              {listError && <InlineError message={listError} fieldID="program-segments-add" />}
              {form.segments.map((segment, index) => (
                <SegmentFields
                  key={segment.key}
                  t={t}
                  segment={segment}
                  index={index}
                  members={segment.isNew ? null : (members.get(segment.handle) ?? 0)}
                  fieldError={section.fieldError}
                  serverFields={section.serverErrors.fields}
                  onChange={(change) => setSegment(index, change)}
                  onRemove={() => setForm((f) => ({ ...f, segments: f.segments.filter((_, i) => i !== index) }))}
                />
              ))}
              <InlineStack>
                <Button id="program-segments-add" onClick={() => setForm((f) => ({ ...f, segments: [...f.segments, newCustomSegment()] }))}>{t.addSegment}</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </BlockStack>
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <SegmentRun t={t} latest={latestRun} onStarted={setStartedRun} onFinished={reload} />
      </Layout.Section>
      <FormSaveBar dirty={section.dirty} saving={saving} onSave={save} onDiscard={section.discard} />
    </Layout>
  );
}
