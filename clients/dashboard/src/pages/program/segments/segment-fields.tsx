import { Badge, BlockStack, Button, Card, FormLayout, InlineError, InlineGrid, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { format, useFormat } from '../../../i18n/i18n.js';
import { SCORES, type ScoreName, type SegmentForm } from './segments-form.js';
import type { SegmentsMessages } from './segments.messages.js';

const SCORE_OPTIONS = ['1', '2', '3', '4', '5'].map((value) => ({ label: value, value }));

const FIELDS = ['handle', 'names.en', 'names.es', 'names.fr', 'pointsMin', 'pointsMax', ...SCORES.flatMap((score) => [`${score}.min`, `${score}.max`])];

interface Props {
  t: SegmentsMessages;
  segment: SegmentForm;
  index: number;
  /** Customers in it as the last run placed them; null for a segment not saved yet. */
  members: number | null;
  fieldError: (key: string) => string | undefined;
  serverFields: Record<string, string>;
  onChange: (change: Partial<SegmentForm>) => void;
  onRemove: () => void;
}

/** One segment: its names, its score ranges, and for a custom segment its points bounds. */
export function SegmentFields({ t, segment, index, members, fieldError, serverFields, onChange, onRemove }: Props) {
  const { number } = useFormat();
  const at = `segments.${index}`;
  const title = segment.isNew && !segment.names.en.trim() ? t.newSegment : format(t.segment, { name: segment.names.en, handle: segment.handle });
  // A server error about the segment as a whole (its kind, its tiers) has no field of its own here.
  const otherErrors = Object.entries(serverFields).filter(([key]) => key.startsWith(`${at}.`) && !FIELDS.includes(key.slice(at.length + 1)));
  const bound = (score: ScoreName, end: 'min' | 'max') => (
    <Select
      key={`${score}.${end}`}
      label={format(t[end], { score: t[score] })}
      options={SCORE_OPTIONS}
      value={String(segment[score][end])}
      onChange={(value) => onChange({ [score]: { ...segment[score], [end]: Number(value) } })}
      error={fieldError(`${at}.${score}.${end}`)}
    />
  );
  return (
    <div role="group" aria-label={title}>
      <Card background="bg-surface-secondary">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h3" variant="headingSm">{title}</Text>
              <Badge>{t[segment.kind]}</Badge>
              {segment.builtin && <Badge tone="info">{t.builtin}</Badge>}
            </InlineStack>
            <InlineStack gap="200" blockAlign="center">
              {members !== null && <Text as="span" tone="subdued">{format(t.members, { count: number(members) })}</Text>}
              {segment.isNew && (
                <Button variant="tertiary" tone="critical" onClick={onRemove}>
                  {t.remove}
                </Button>
              )}
            </InlineStack>
          </InlineStack>
          <FormLayout>
            {segment.isNew && <TextField label={t.handle} autoComplete="off" value={segment.handle} onChange={(handle) => onChange({ handle })} error={fieldError(`${at}.handle`)} />}
            <FormLayout.Group condensed>
              <TextField label={t.nameEn} autoComplete="off" value={segment.names.en} onChange={(en) => onChange({ names: { ...segment.names, en } })} error={fieldError(`${at}.names.en`)} />
              <TextField label={t.nameEs} helpText={t.nameFallback} autoComplete="off" value={segment.names.es} onChange={(es) => onChange({ names: { ...segment.names, es } })} error={fieldError(`${at}.names.es`)} />
              <TextField label={t.nameFr} helpText={t.nameFallback} autoComplete="off" value={segment.names.fr} onChange={(fr) => onChange({ names: { ...segment.names, fr } })} error={fieldError(`${at}.names.fr`)} />
            </FormLayout.Group>
            {/* A column per score, lower bounds above upper ones: compact enough for eleven segments. */}
            <InlineGrid columns={3} gap="200">
              {SCORES.map((score) => bound(score, 'min'))}
              {SCORES.map((score) => bound(score, 'max'))}
            </InlineGrid>
            {segment.kind === 'CUSTOM' && (
              <FormLayout.Group condensed>
                <TextField label={t.pointsMin} helpText={t.optionalNone} autoComplete="off" inputMode="numeric" value={segment.pointsMin} onChange={(pointsMin) => onChange({ pointsMin })} error={fieldError(`${at}.pointsMin`)} />
                <TextField label={t.pointsMax} helpText={t.optionalNone} autoComplete="off" inputMode="numeric" value={segment.pointsMax} onChange={(pointsMax) => onChange({ pointsMax })} error={fieldError(`${at}.pointsMax`)} />
              </FormLayout.Group>
            )}
            {segment.tierIds && <Text as="p" tone="subdued">{format(t.tiersKept, { count: segment.tierIds.length })}</Text>}
          </FormLayout>
          {otherErrors.map(([key, message]) => (
            <InlineError key={key} message={message} fieldID={`program-segment-${index}`} />
          ))}
        </BlockStack>
      </Card>
    </div>
  );
}
