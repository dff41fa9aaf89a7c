import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { textIn } from '../domain/tier-program.js';
import { LocaleCode } from '../graphql/tier-enums.type.js';
import { TierPerkType, TierType } from '../graphql/tier.type.js';

@Resolver(() => TierType)
export class TierResolver {
  @FieldResolver(() => String, { description: 'The name in `locale`, else in English, else in the first language it has.' })
  name(@Root() tier: TierType, @Arg('locale', () => LocaleCode, { nullable: true, description: "The shopper's language." }) locale: LocaleCode | null): string {
    return textIn(tier.byLocale, locale);
  }
}

@Resolver(() => TierPerkType)
export class TierPerkResolver {
  @FieldResolver(() => String, { description: 'The perk in `locale`, else in English, else in the first language it has.' })
  text(@Root() perk: TierPerkType, @Arg('locale', () => LocaleCode, { nullable: true, description: "The shopper's language." }) locale: LocaleCode | null): string {
    return textIn(perk.byLocale, locale);
  }
}
