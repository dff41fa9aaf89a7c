import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const PLANS = ['free', 'growth', 'plus'] as const;
export const MERCHANT_STATUSES = ['installed', 'uninstalled'] as const;

/** How the loyalty program behaves; validated as a whole on every write. */
export interface ProgramSettings {
  programEnabled: boolean;
  /** What the shop calls its points ("Stars", "Beans"). */
  pointsName: string;
  /** Points earned per unit of the shop's currency spent. */
  pointsPerCurrencyUnit: number;
  /** Points expire this many days after being earned; null means never. */
  pointsExpiryDays: number | null;
}

export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  programEnabled: true,
  pointsName: 'Points',
  pointsPerCurrencyUnit: 1,
  pointsExpiryDays: null,
};

/** A Shopify shop that installed the app: the tenant. Its own id is its tenant key. */
export const MerchantEntity = defineEntity({
  name: 'Merchant',
  tableName: 'merchant',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    shopDomain: p.string().length(255).unique(),
    name: p.string().length(255),
    currency: p.string().length(3),
    primaryLocale: p.enum(LOCALES).default('en'),
    enabledLocales: p.array().default(['en']),
    plan: p.enum(PLANS).default('free'),
    status: p.enum(MERCHANT_STATUSES).default('installed'),
    installedAt: p.datetime(),
    uninstalledAt: p.datetime().nullable(),
    /** Offline Admin API token, encrypted with the kit's FieldCipher; never leaves this subgraph. */
    accessTokenEncrypted: p.text().nullable(),
    accessScopes: p.string().length(1024).default(''),
    settings: p.json<ProgramSettings>(),
    /** The shop's IANA time zone, as Shopify last told it; `UTC` for shops installed before the app asked. */
    timezone: p.string().length(64).default('UTC'),
    /** Counts the zone's changes: the version of the last `merchant.timezone_changed` emitted. */
    timezoneVersion: p.integer().default(0),
    /** When Shopify last told the zone (install, or a `shop/update`'s `updated_at`): an older `shop/update` changes nothing. */
    timezoneAsOf: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('merchant', { property: 'id', column: 'id' }),
});

export type Merchant = InferEntity<typeof MerchantEntity>;
