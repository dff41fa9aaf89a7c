import { ACTOR_KIND_ENUM, LOCALE_CODE_ENUM, Scope } from '@loyalnest/kit';
import { Authorized, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LocaleCode {
  EN = 'en',
  ES = 'es',
  FR = 'fr',
}
registerEnumType(LocaleCode, LOCALE_CODE_ENUM);

export enum MerchantPlan {
  FREE = 'free',
  GROWTH = 'growth',
  PLUS = 'plus',
}
registerEnumType(MerchantPlan, {
  name: 'MerchantPlan',
  description: "The merchant's LoyalNest subscription plan.",
  valuesConfig: {
    FREE: { description: 'The free plan.' },
    GROWTH: { description: 'The paid plan for growing shops.' },
    PLUS: { description: 'The plan for Shopify Plus shops.' },
  },
});

export enum MerchantStatus {
  INSTALLED = 'installed',
  UNINSTALLED = 'uninstalled',
}
registerEnumType(MerchantStatus, {
  name: 'MerchantStatus',
  description: 'Whether the app is installed on the shop.',
  valuesConfig: {
    INSTALLED: { description: 'The app is installed: webhooks are processed and shoppers earn.' },
    UNINSTALLED: { description: "The app was uninstalled: nothing is earned, and Shopify's shop/redact will erase the data." },
  },
});

@ObjectType('ProgramSettings', { description: 'How the merchant runs its loyalty program.' })
export class ProgramSettingsType {
  @Field(() => Boolean, {
    description: 'What `updateMerchantSettings` stored; earning and redeeming do not follow it.',
    deprecationReason: 'The points program is switched by `earningRules.enabled` (`updateEarningRules`).',
  })
  programEnabled!: boolean;

  @Field(() => String, { description: 'What the shop calls its points, e.g. "Stars".' })
  pointsName!: string;

  @Field(() => Int, {
    description: 'What `updateMerchantSettings` stored; orders do not earn by it.',
    deprecationReason: 'Orders earn by the points program: read `earningRules.pointsPerCurrencyUnit`.',
  })
  pointsPerCurrencyUnit!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'What `updateMerchantSettings` stored; points do not expire by it.',
    deprecationReason: 'Points expire by the points program: read `earningRules.expiryPolicy` and `earningRules.expiryMonths`.',
  })
  pointsExpiryDays!: number | null;
}

/**
 * The shop's public profile (name, currency, locales, program settings) is readable by every caller
 * acting for the merchant: the widget needs the points name, partners the currency of amounts.
 * The account facts (plan, status, install date) need `merchant:read`.
 */
@Directive('@key(fields: "id")')
@ObjectType('Merchant', { description: 'A Shopify shop running LoyalNest: the tenant everything else belongs to.' })
export class MerchantType {
  @Field(() => ID, { description: 'Stable LoyalNest id of the merchant.' })
  id!: string;

  @Field(() => String, { description: 'The shop domain, lower case, e.g. "acme.myshopify.com".' })
  shopDomain!: string;

  @Field(() => String, { description: 'Display name of the shop.' })
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code of the shop currency, e.g. "EUR".' })
  currency!: string;

  @Field(() => LocaleCode, { description: 'Default language of shopper-facing texts.' })
  primaryLocale!: LocaleCode;

  @Field(() => [LocaleCode], { description: 'Languages shoppers can see the program in; includes the primary one.' })
  enabledLocales!: LocaleCode[];

  @Authorized(Scope.MERCHANT_READ)
  @Field(() => MerchantPlan, { description: 'LoyalNest subscription plan.' })
  plan!: MerchantPlan;

  @Authorized(Scope.MERCHANT_READ)
  @Field(() => MerchantStatus, { description: 'Installed, or uninstalled (data kept until the shop is redacted).' })
  status!: MerchantStatus;

  @Authorized(Scope.MERCHANT_READ)
  @Field(() => Date, { description: 'When the app was (last) installed.' })
  installedAt!: Date;

  @Field(() => String, {
    description:
      "The shop's IANA time zone, e.g. \"Australia/Sydney\", as Shopify tells it at install and in `shop/update`; \"UTC\" until Shopify told one. Calendar periods (a tier program's year) turn at the shop's midnight in this zone.",
  })
  timezone!: string;

  @Field(() => ProgramSettingsType, { description: 'Loyalty program settings.' })
  settings!: ProgramSettingsType;
}

export enum ActorKindType {
  ADMIN = 'admin',
  SHOPPER = 'shopper',
  PARTNER = 'partner',
  FLOW = 'flow',
  SYSTEM = 'system',
}
registerEnumType(ActorKindType, ACTOR_KIND_ENUM);

@ObjectType('Viewer', { description: 'The authenticated caller of this request.' })
export class ViewerType {
  @Field(() => ActorKindType, { description: 'Kind of caller: merchant admin, shopper, partner key, Flow or system.' })
  kind!: ActorKindType;

  @Field(() => ID, { description: 'Id of the caller within its kind (Shopify user id, API key id, ...).' })
  id!: string;

  @Field(() => [String], { description: 'Scopes this caller holds.' })
  scopes!: string[];

  @Field(() => MerchantType, { description: 'The merchant the caller acts for.' })
  merchant!: MerchantType;
}
