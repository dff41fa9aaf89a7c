import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import type { TierProgramDraft } from '../domain/tier-program.js';
import { InvalidTierProgramError } from '../graphql/tier-program.error.js';
import { TierProgramType, TierType } from '../graphql/tier.type.js';
import { UpdateTierProgramInput } from '../graphql/update-tier-program.input.js';
import type { TierProgramService, TierProgramView } from '../services/tier-program.service.js';
import { tierTypeOf } from './tier.mapping.js';

export const UpdateTierProgramResult = createUnionType({
  name: 'UpdateTierProgramResult',
  description: 'The program as saved, or why it was refused (then nothing changed).',
  types: () => [TierProgramType, InvalidTierProgramError] as const,
  resolveType: (value) => (value instanceof InvalidTierProgramError ? InvalidTierProgramError : TierProgramType),
});

@Resolver()
export class TierProgramResolver {
  constructor(private readonly program: TierProgramService) {}

  @Query(() => [TierType], { description: "The merchant's VIP tiers, lowest first; readable by every caller of the merchant (the widget shows them)." })
  async tiers(@Ctx() ctx: RequestContext): Promise<TierType[]> {
    return (await this.program.tiers(ctx)).map(tierTypeOf);
  }

  @Authorized(Scope.TIERS_READ)
  @Query(() => TierProgramType, { description: "The merchant's tier program with its qualification settings (`tiers:read`); the defaults and no tiers while none was saved." })
  async tierProgram(@Ctx() ctx: RequestContext): Promise<TierProgramType> {
    return programTypeOf(await this.program.program(ctx));
  }

  @Authorized(Scope.TIERS_MANAGE)
  @Mutation(() => UpdateTierProgramResult, { description: 'Replaces the whole tier program at once (`tiers:manage`), checked as a whole; tiers that continue keep their ids.' })
  async updateTierProgram(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateTierProgramInput, { description: 'The whole program: every tier in order, and the settings.' }) input: UpdateTierProgramInput,
  ): Promise<typeof UpdateTierProgramResult> {
    const result = await this.program.update(ctx, draftOf(input));
    return result instanceof InvalidTierProgramError ? result : programTypeOf(result);
  }
}

/** GraphQL's nulls for omitted settings become "not given", so the defaults apply. */
function draftOf(input: UpdateTierProgramInput): TierProgramDraft {
  const given = <T>(value: T | null | undefined) => value ?? undefined;
  return {
    tiers: input.tiers.map((tier) => ({
      id: tier.id ?? null,
      names: tier.names,
      threshold: tier.threshold,
      earnMultiplier: tier.earnMultiplier,
      entryBonusPoints: tier.entryBonusPoints ?? null,
      perks: tier.perks ?? [],
    })),
    metric: given(input.metric),
    period: given(input.period),
    periodStartMonth: given(input.periodStartMonth),
    periodStartDay: given(input.periodStartDay),
    rollingMonths: given(input.rollingMonths),
    graceDays: given(input.graceDays),
    downgradePolicy: given(input.downgradePolicy),
    skippedTierBonus: given(input.skippedTierBonus),
  };
}

function programTypeOf(view: TierProgramView): TierProgramType {
  return Object.assign(new TierProgramType(), { ...view, tiers: view.tiers.map(tierTypeOf) });
}
