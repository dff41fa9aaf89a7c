import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { EarningRulesType } from '../graphql/earning-rules.type.js';
import { UpdateEarningRulesInput } from '../graphql/update-earning-rules.input.js';
import type { PointsProgramService } from '../services/points-program.service.js';

@Resolver()
export class EarningRulesResolver {
  constructor(private readonly program: PointsProgramService) {}

  @Query(() => EarningRulesType, { description: "How the merchant's shoppers earn points; readable by every caller of the merchant (the widget shows it)." })
  earningRules(@Ctx() ctx: RequestContext): Promise<EarningRulesType> {
    return this.program.rules(ctx) as Promise<EarningRulesType>;
  }

  @Authorized(Scope.POINTS_MANAGE)
  @Mutation(() => EarningRulesType, { description: 'Changes the earning rules; omitted fields keep their value.' })
  updateEarningRules(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateEarningRulesInput, { description: 'The rules to change; omitted fields keep their value, and the result is checked as a whole.' }) input: UpdateEarningRulesInput,
  ): Promise<EarningRulesType> {
    return this.program.update(ctx, input) as Promise<EarningRulesType>;
  }
}
