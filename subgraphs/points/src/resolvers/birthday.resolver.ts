import { CustomerNotFoundError, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver, createUnionType } from 'type-graphql';
import { SetBirthdayInput } from '../graphql/birthday.input.js';
import { CustomerBirthday } from '../graphql/birthday.type.js';
import type { BirthdayService } from '../services/birthday.service.js';

export const SetBirthdayResult = createUnionType({
  name: 'SetBirthdayResult',
  description: 'The birthday as saved, or why it was not.',
  types: () => [CustomerBirthday, CustomerNotFoundError] as const,
  resolveType: (value) => (value instanceof CustomerNotFoundError ? CustomerNotFoundError : CustomerBirthday),
});

@Resolver()
export class BirthdayResolver {
  constructor(private readonly birthdays: BirthdayService) {}

  /** Any authenticated caller reaches the service, which lets shoppers through for themselves only. */
  @Authorized()
  @Mutation(() => SetBirthdayResult, {
    description:
      "Sets a customer's birthday for the birthday bonus (awarded once a year, on the UTC date). A shopper sets their own; admins and partners with points:write anyone's.",
  })
  async setBirthday(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetBirthdayInput, { description: 'The customer and their birthday, which earns the yearly birthday bonus.' }) input: SetBirthdayInput,
  ): Promise<typeof SetBirthdayResult> {
    const result = await this.birthdays.set(ctx, input);
    return (result instanceof CustomerNotFoundError ? result : Object.assign(new CustomerBirthday(), result)) as typeof SetBirthdayResult;
  }
}
