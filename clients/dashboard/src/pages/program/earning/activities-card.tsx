import { Banner, BlockStack, Box, Button, Card, InlineGrid, Select, Text, TextField } from '@shopify/polaris';
import { DeleteIcon, PlusIcon } from '@shopify/polaris-icons';
import type { ActivityLimit } from '../../../generated/graphql.js';
import { format, useMessages } from '../../../i18n/i18n.js';
import { EARNING_BOUNDS, newActivity, type ActivityForm } from './earning-form.js';
import { earningMessages } from './earning.messages.js';

interface ActivitiesCardProps {
  activities: ActivityForm[];
  errors: Record<string, string>;
  /** The new list, and the field paths the change touched (their errors are cleared). */
  onChange: (activities: ActivityForm[], fields: string[]) => void;
}

/**
 * The custom activities, one labelled group per row. Removing a row renumbers the ones after it,
 * so it clears every activity's errors: they were keyed by the old positions.
 */
export function ActivitiesCard({ activities, errors, onChange }: ActivitiesCardProps) {
  const t = useMessages(earningMessages);
  const limits: { label: string; value: ActivityLimit }[] = [
    { label: t.limitOnce, value: 'ONCE' },
    { label: t.limitDaily, value: 'DAILY' },
    { label: t.limitWeekly, value: 'WEEKLY' },
    { label: t.limitUnlimited, value: 'UNLIMITED' },
  ];
  const edit = (index: number, patch: Partial<ActivityForm>) =>
    onChange(
      activities.map((activity, i) => (i === index ? { ...activity, ...patch } : activity)),
      Object.keys(patch).map((field) => `activities.${index}.${field}`).concat('activities'),
    );
  const full = activities.length >= EARNING_BOUNDS.activities;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.activitiesTitle}
        </Text>
        <Text as="p" tone="subdued">
          {t.activitiesHelp}
        </Text>
        {errors.activities && (
          <Banner tone="critical">
            <p>{errors.activities}</p>
          </Banner>
        )}
        {activities.length === 0 && <Text as="p">{t.activitiesEmpty}</Text>}
        {activities.map((activity, index) => {
          const name = format(t.activity, { n: index + 1 });
          const path = `activities.${index}`;
          return (
            <div key={index} role="group" aria-label={name}>
              <Box paddingBlockEnd="200" borderBlockEndWidth="025" borderColor="border">
                <InlineGrid columns={{ xs: 1, md: '2fr 3fr 1.5fr 2fr auto' }} gap="300" alignItems="start">
                  <TextField label={t.activityKey} value={activity.key} onChange={(key) => edit(index, { key })} error={errors[`${path}.key`]} autoComplete="off" monospaced />
                  <TextField label={t.activityName} value={activity.name} onChange={(value) => edit(index, { name: value })} error={errors[`${path}.name`]} autoComplete="off" />
                  <TextField label={t.activityPoints} value={activity.points} onChange={(points) => edit(index, { points })} error={errors[`${path}.points`]} inputMode="numeric" autoComplete="off" />
                  <Select label={t.activityLimit} options={limits} value={activity.limit} onChange={(limit) => edit(index, { limit: limit as ActivityLimit })} />
                  {/* Level with the inputs rather than their labels, whatever errors the row shows. */}
                  <Box paddingBlockStart={{ xs: '0', md: '600' }}>
                    <Button
                      icon={DeleteIcon}
                      accessibilityLabel={format(t.removeActivity, { n: index + 1 })}
                      onClick={() =>
                        onChange(
                          activities.filter((_, i) => i !== index),
                          ['activities'],
                        )
                      }
                    />
                  </Box>
                </InlineGrid>
              </Box>
            </div>
          );
        })}
        <InlineGrid columns="auto 1fr" gap="300" alignItems="center">
          <Button icon={PlusIcon} disabled={full} onClick={() => onChange([...activities, newActivity()], [])}>
            {t.addActivity}
          </Button>
          {full && (
            <Text as="span" tone="subdued">
              {t.activitiesMax}
            </Text>
          )}
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
