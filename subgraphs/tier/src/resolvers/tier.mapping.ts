import { TIER_LOCALES, type LocalizedTexts } from '../domain/tier-program.js';
import type { Tier } from '../entities/tier.entity.js';
import type { LocaleCode } from '../graphql/tier-enums.type.js';
import { TierPerkType, TierType, type LocalizedTextType } from '../graphql/tier.type.js';

/** Texts in the languages' fixed order (en, es, fr), so answers do not depend on how they were given. */
function textsOf(texts: LocalizedTexts): LocalizedTextType[] {
  return TIER_LOCALES.filter((locale) => texts[locale] !== undefined).map((locale) => ({ locale: locale as LocaleCode, text: texts[locale]! }));
}

export function tierTypeOf(tier: Tier): TierType {
  return Object.assign(new TierType(), {
    id: tier.id,
    position: tier.position,
    names: textsOf(tier.names),
    byLocale: tier.names,
    threshold: tier.threshold,
    earnMultiplier: Number(tier.earnMultiplier),
    entryBonusPoints: tier.entryBonusPoints,
    perks: tier.perks.map((perk) => Object.assign(new TierPerkType(), { texts: textsOf(perk), byLocale: perk })),
  });
}
