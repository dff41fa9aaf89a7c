import { ADMIN_SCOPES, DEMO_MERCHANT, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { PointsProgramEntity } from '../entities/points-program.entity.js';
import type { CreateRewardInput } from '../graphql/reward.input.js';
import { RewardKindType } from '../graphql/reward.type.js';
import { EarnOn } from '../graphql/earning-rules.type.js';
import type { UpdateEarningRulesInput } from '../graphql/update-earning-rules.input.js';
import type { PointsProgramService } from './points-program.service.js';
import type { RewardCatalogService } from './reward-catalog.service.js';

/**
 * The demo merchant's program: a signup bonus, which every demo customer receives once the
 * supergraph starts (the customer subgraph's `customer.created` events reach this domain then),
 * and two rewards to redeem. Only for a merchant that never set its rules.
 */
export async function seedPoints(runtime: SubgraphRuntime, program: PointsProgramService, catalog: RewardCatalogService): Promise<void> {
  const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, DEMO_MERCHANT.id));
  if ((await ctx.em.count(PointsProgramEntity, {})) > 0) return;
  await program.update(ctx, { earnOn: EarnOn.PAID, pointsPerCurrencyUnit: 1, signupBonus: 100, birthdayBonus: 50 } as UpdateEarningRulesInput);
  const rewards: Partial<CreateRewardInput>[] = [
    { kind: RewardKindType.FIXED_AMOUNT, value: '5.00', pointsCost: 100, names: { en: '5 off your order', fr: '5 de remise' }, codeValidityDays: 30 },
    { kind: RewardKindType.FREE_SHIPPING, pointsCost: 250, names: { en: 'Free shipping', fr: 'Livraison offerte' }, codeValidityDays: 30 },
  ];
  for (const reward of rewards) await catalog.create(ctx, reward as CreateRewardInput);
}
