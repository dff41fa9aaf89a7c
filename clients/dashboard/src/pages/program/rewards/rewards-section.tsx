import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, IndexTable, InlineStack, Modal, SkeletonBodyText, Text } from '@shopify/polaris';
import { useMemo, useState } from 'react';
import { errorResultOf, formErrorsOf } from '../../../forms/field-errors.js';
import { useProgramArchiveRewardMutation, useProgramRewardsQuery, type ProgramRewardFieldsFragment } from '../../../generated/graphql.js';
import { format, useFormat, useMessages } from '../../../i18n/i18n.js';
import { rewardName, rewardStatus, type RewardStatus } from './reward-form.js';
import { kindLabel, statusLabel } from './reward-labels.js';
import { RewardModal } from './reward-modal.js';
import { rewardsMessages } from './rewards.messages.js';

const STATUS_TONE: Record<RewardStatus, 'success' | 'info' | undefined> = { ACTIVE: 'success', SCHEDULED: 'info', INACTIVE: undefined, ENDED: undefined };

/**
 * urql's document cache refetches a query when a mutation returns a type the query's result
 * held; an empty catalog holds none, so the first reward created would not show without this.
 */
const REWARDS_CONTEXT = { additionalTypenames: ['Reward'] };

/** Program → Rewards: the catalog, with create and edit in a modal and archive behind a confirmation. */
export default function RewardsSection() {
  const t = useMessages(rewardsMessages);
  const { locale, money, number } = useFormat();
  const [{ data, error: loadError }] = useProgramRewardsQuery({ context: REWARDS_CONTEXT });
  const [{ fetching: archiving }, archive] = useProgramArchiveRewardMutation();
  const [editing, setEditing] = useState<ProgramRewardFieldsFragment | 'new' | null>(null);
  const [archivingReward, setArchivingReward] = useState<ProgramRewardFieldsFragment | null>(null);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  // A banner rather than Polaris's Toast, whose close button has no accessible name (axe: button-name).
  const [done, setDone] = useState<string | null>(null);
  const now = useMemo(() => new Date(), [data]);

  const gives = (reward: ProgramRewardFieldsFragment): string => {
    if (reward.kind === 'FIXED_AMOUNT') return format(t.givesAmount, { amount: money(reward.value ?? '0') });
    if (reward.kind === 'PERCENTAGE') return format(t.givesPercent, { percent: number(Number(reward.value ?? 0)) });
    if (reward.kind === 'FREE_SHIPPING') return t.givesShipping;
    return format(t.givesVariant, { id: reward.variantId ?? '' });
  };

  const confirmArchive = async () => {
    if (!archivingReward) return;
    const result = await archive({ id: archivingReward.id });
    const typedError = errorResultOf(result.data?.archiveReward);
    if (result.error || typedError) {
      setArchiveError(formErrorsOf(result.error, typedError).form);
      return;
    }
    setArchivingReward(null);
    setArchiveError(null);
    setDone(t.archived);
  };

  if (loadError && !data) return <Banner tone="critical" title={t.loadFailed} />;
  if (!data) {
    return (
      <Card>
        <SkeletonBodyText lines={6} />
      </Card>
    );
  }
  const rewards = data.rewards;
  return (
    <BlockStack gap="400">
      {done && <Banner tone="success" title={done} onDismiss={() => setDone(null)} />}
      <Card padding="0">
        <BlockStack>
          <div style={{ padding: 'var(--p-space-400)' }}>
            <InlineStack align="space-between" blockAlign="center" gap="400">
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">
                  {t.title}
                </Text>
                <Text as="p" tone="subdued">
                  {t.help}
                </Text>
              </BlockStack>
              <Button variant="primary" onClick={() => setEditing('new')}>
                {t.create}
              </Button>
            </InlineStack>
          </div>
          {rewards.length === 0 ? (
            <div style={{ padding: 'var(--p-space-800) var(--p-space-400)', textAlign: 'center' }}>
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t.empty}
                </Text>
                <Text as="p" tone="subdued">
                  {t.emptyHelp}
                </Text>
              </BlockStack>
            </div>
          ) : (
            <IndexTable
              resourceName={{ singular: t.reward, plural: t.rewards }}
              itemCount={rewards.length}
              selectable={false}
              headings={[{ title: t.columnName }, { title: t.columnKind }, { title: t.columnGives }, { title: t.columnCost, alignment: 'end' }, { title: t.columnStatus }, { title: t.columnActions, alignment: 'end' }]}
            >
              {rewards.map((reward, index) => {
                const name = rewardName(reward.names, locale);
                const status = rewardStatus(reward, now);
                return (
                  <IndexTable.Row id={reward.id} key={reward.id} position={index}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {name}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{kindLabel(reward.kind, t)}</IndexTable.Cell>
                    <IndexTable.Cell>{gives(reward)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {format(t.points, { points: number(reward.pointsCost) })}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={STATUS_TONE[status]}>{statusLabel(status, t)}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack align="end">
                        <ButtonGroup>
                          <Button accessibilityLabel={format(t.editNamed, { name })} onClick={() => setEditing(reward)}>
                            {t.edit}
                          </Button>
                          <Button tone="critical" variant="plain" accessibilityLabel={format(t.archiveNamed, { name })} onClick={() => setArchivingReward(reward)}>
                            {t.archive}
                          </Button>
                        </ButtonGroup>
                      </InlineStack>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                );
              })}
            </IndexTable>
          )}
        </BlockStack>
      </Card>
      {editing && (
        <RewardModal
          reward={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            setDone(created ? t.created : t.updated);
          }}
        />
      )}
      {archivingReward && (
        <Modal
          open
          onClose={() => {
            setArchivingReward(null);
            setArchiveError(null);
          }}
          title={format(t.archiveTitle, { name: rewardName(archivingReward.names, locale) })}
          primaryAction={{ content: t.archive, destructive: true, loading: archiving, onAction: () => void confirmArchive() }}
          secondaryActions={[
            {
              content: t.cancel,
              onAction: () => {
                setArchivingReward(null);
                setArchiveError(null);
              },
            },
          ]}
        >
          <Modal.Section>
            <BlockStack gap="300">
              {archiveError && (
                <Banner tone="critical">
                  <p>{archiveError}</p>
                </Banner>
              )}
              <Text as="p">{t.archiveBody}</Text>
            </BlockStack>
          </Modal.Section>
        </Modal>
      )}
    </BlockStack>
  );
}
