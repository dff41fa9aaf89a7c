import { DEMO_MERCHANT, Scope, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { DEFAULT_PROGRAM_SETTINGS, MerchantEntity } from '../entities/merchant.entity.js';

/** Creates the demo merchant unless it exists. */
export async function seedMerchant(runtime: SubgraphRuntime): Promise<void> {
  const { em } = runtime.createContext(systemCaller([Scope.MERCHANT_WRITE], DEMO_MERCHANT.id));
  if (await em.findOne(MerchantEntity, { id: DEMO_MERCHANT.id })) return;
  em.create(MerchantEntity, {
    id: DEMO_MERCHANT.id,
    shopDomain: DEMO_MERCHANT.shopDomain,
    name: DEMO_MERCHANT.name,
    currency: 'USD',
    primaryLocale: 'en',
    enabledLocales: ['en', 'es', 'fr'],
    plan: 'growth',
    status: 'installed',
    installedAt: new Date(),
    accessTokenEncrypted: null,
    settings: { ...DEFAULT_PROGRAM_SETTINGS, pointsName: 'Nest Points' },
  });
  await em.flush();
}
