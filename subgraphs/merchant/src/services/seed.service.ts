import { DEMO_MERCHANT, fieldAad, FieldCipher, Scope, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { DEFAULT_PROGRAM_SETTINGS, MerchantEntity } from '../entities/merchant.entity.js';

/**
 * Creates the demo merchant unless it exists. In development it holds the stand-in's offline
 * token (encrypted, as an install stores it), so redeeming a reward issues a code; a demo merchant
 * seeded before it had one gets it too. Elsewhere it has none: no real shop would take it.
 */
export async function seedMerchant(runtime: SubgraphRuntime): Promise<void> {
  const { em } = runtime.createContext(systemCaller([Scope.MERCHANT_WRITE], DEMO_MERCHANT.id));
  const cipher = new FieldCipher(runtime.config.encryptionKeys);
  const token = () => cipher.encrypt(DEMO_MERCHANT.devAccessToken, fieldAad(DEMO_MERCHANT.id, 'merchant', DEMO_MERCHANT.id, 'access_token'));
  const existing = await em.findOne(MerchantEntity, { id: DEMO_MERCHANT.id });
  if (existing) {
    if (!runtime.config.development || existing.accessTokenEncrypted || existing.status !== 'installed') return;
    existing.accessTokenEncrypted = token();
    await em.flush();
    return;
  }
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
    accessTokenEncrypted: runtime.config.development ? token() : null,
    settings: { ...DEFAULT_PROGRAM_SETTINGS, pointsName: 'Nest Points' },
  });
  await em.flush();
}
