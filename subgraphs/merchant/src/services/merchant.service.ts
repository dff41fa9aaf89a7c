import { badInput, DEFAULT_TIME_ZONE, forbidden, inKeyOrder, inRequestTransaction, isUuid, type RequestContext } from '@loyalnest/kit';
import { DEFAULT_PROGRAM_SETTINGS, MerchantEntity, type Locale, type Merchant, type ProgramSettings } from '../entities/merchant.entity.js';
import { InvalidSettingsError } from '../graphql/merchant.error.js';
import type { UpdateMerchantSettingsInput } from '../graphql/update-merchant-settings.input.js';
import { MERCHANT_TIMEZONE_CHANGED } from '../topics.js';
import type { ShopTimezoneService } from './shop-timezone.service.js';

/** Shop facts read from Shopify at install. */
export interface ShopInfo {
  name: string;
  currency: string;
  primaryLocale: string;
  /** The shop's IANA zone (`iana_timezone`) when Shopify gave one; checked before it is kept. */
  timezone: string | null;
}

export interface CallerIdentity {
  merchantId: string;
  status: string;
}

export class MerchantService {
  constructor(private readonly timezones: ShopTimezoneService) {}

  /** The caller's own merchant. The gateway only vouches for callers of installed, known shops. */
  async current(ctx: RequestContext): Promise<Merchant> {
    if (!ctx.merchantId) throw forbidden('This caller acts for no merchant');
    return ctx.em.findOneOrFail(MerchantEntity, { id: ctx.merchantId });
  }

  /** Reference resolution: the tenant filter leaves another merchant's id unresolved (null). */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<(Merchant | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.em.find(MerchantEntity, { id: { $in: valid } }) : [];
    return inKeyOrder(ids, rows, (m) => m.id);
  }

  async updateSettings(ctx: RequestContext, input: UpdateMerchantSettingsInput): Promise<Merchant | InvalidSettingsError> {
    const merchant = await this.current(ctx);
    const enabledLocales: string[] = input.enabledLocales ?? merchant.enabledLocales;
    const primaryLocale: Locale = input.primaryLocale ?? merchant.primaryLocale;
    if (!enabledLocales.includes(primaryLocale)) {
      return new InvalidSettingsError('primaryLocale', `The primary locale "${primaryLocale}" must be one of the enabled locales (${enabledLocales.join(', ')})`);
    }
    if (input.pointsExpiryDays != null && input.pointsExpiryDays > 0 && input.pointsExpiryDays < 30) {
      return new InvalidSettingsError('pointsExpiryDays', 'Points may expire no sooner than 30 days after they are earned (use 0 for never)');
    }
    const settings: ProgramSettings = {
      ...DEFAULT_PROGRAM_SETTINGS,
      ...merchant.settings,
      ...(input.programEnabled != null && { programEnabled: input.programEnabled }),
      ...(input.pointsName != null && { pointsName: input.pointsName.trim() }),
      ...(input.pointsPerCurrencyUnit != null && { pointsPerCurrencyUnit: input.pointsPerCurrencyUnit }),
      ...(input.pointsExpiryDays != null && { pointsExpiryDays: input.pointsExpiryDays === 0 ? null : input.pointsExpiryDays }),
    };
    if (!settings.pointsName) throw badInput('pointsName', 'must not be blank');
    if (input.name != null && !input.name.trim()) throw badInput('name', 'must not be blank');
    ctx.em.assign(merchant, {
      ...(input.name != null && { name: input.name.trim() }),
      ...(input.currency != null && { currency: input.currency }),
      primaryLocale,
      enabledLocales: [...new Set(enabledLocales)],
      settings,
    });
    ctx.emit('merchant.settings_updated', { merchantId: merchant.id, fields: Object.keys(input).filter((k) => input[k as keyof typeof input] != null) });
    await ctx.em.flush();
    return merchant;
  }

  /**
   * Which merchant a shop domain belongs to, across tenants. Runs a SECURITY DEFINER function that
   * answers exactly this question, so the service role never needs to read other tenants' rows.
   */
  async resolveShop(ctx: RequestContext, shopDomain: string): Promise<CallerIdentity | null> {
    const rows = await ctx.em.execute<{ merchant_id: string; status: string }[]>(
      'select merchant_id, status from loyalnest_merchant_by_shop(?)',
      [shopDomain.toLowerCase()],
    );
    return rows[0] ? { merchantId: rows[0].merchant_id, status: rows[0].status } : null;
  }

  /**
   * Creates the merchant on first install, or restores an uninstalled one; ctx is scoped to
   * `merchantId`. The shop's zone comes with it: a new merchant in a zone other than UTC (where
   * every domain counts a merchant it was not told about) announces it; a re-install announces a
   * zone that changed meanwhile.
   */
  async recordInstall(ctx: RequestContext, merchantId: string, shop: string, info: ShopInfo, accessTokenEncrypted: string, scopes: string): Promise<Merchant> {
    return inRequestTransaction(ctx, async () => {
      const existing = await ctx.em.findOne(MerchantEntity, { id: merchantId });
      const now = new Date();
      const locale = (['en', 'es', 'fr'] as const).find((l) => info.primaryLocale.toLowerCase().startsWith(l)) ?? 'en';
      if (existing) {
        ctx.em.assign(existing, { status: 'installed', uninstalledAt: null, installedAt: now, accessTokenEncrypted, accessScopes: scopes });
        ctx.emit('merchant.installed', { merchantId, reinstall: true });
        await ctx.em.flush();
        if (info.timezone !== null) await this.timezones.apply(ctx, info.timezone, now);
        return existing;
      }
      const timezone = info.timezone ?? DEFAULT_TIME_ZONE;
      const announced = timezone !== DEFAULT_TIME_ZONE;
      const merchant = ctx.em.create(MerchantEntity, {
        id: merchantId,
        shopDomain: shop,
        name: info.name.slice(0, 255),
        currency: /^[A-Z]{3}$/.test(info.currency) ? info.currency : 'USD',
        primaryLocale: locale,
        enabledLocales: [locale],
        plan: 'free',
        status: 'installed',
        installedAt: now,
        accessTokenEncrypted,
        accessScopes: scopes,
        settings: DEFAULT_PROGRAM_SETTINGS,
        timezone,
        timezoneVersion: announced ? 1 : 0,
        timezoneAsOf: info.timezone === null ? null : now,
      });
      ctx.emit('merchant.installed', { merchantId, reinstall: false });
      if (announced) ctx.emit(MERCHANT_TIMEZONE_CHANGED, { timezone, version: 1 });
      await ctx.em.flush();
      return merchant;
    });
  }
}
