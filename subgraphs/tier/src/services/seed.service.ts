import { ADMIN_SCOPES, DEMO_MERCHANT, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { TierProgramEntity } from '../entities/tier-program.entity.js';
import type { TierProgramService } from './tier-program.service.js';

/** The demo merchant's program: Bronze for everyone, Silver and Gold by points earned. Only for a merchant that never saved one. */
export async function seedTiers(runtime: SubgraphRuntime, program: TierProgramService): Promise<void> {
  const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, DEMO_MERCHANT.id));
  // A row of version 0 only keeps the shop's zone (announced by the merchant seed): no program was saved.
  if ((await ctx.em.count(TierProgramEntity, { version: { $gt: 0 } })) > 0) return;
  const result = await program.update(ctx, {
    metric: 'points_earned',
    period: 'rolling_months',
    rollingMonths: 12,
    graceDays: 30,
    tiers: [
      { names: [{ locale: 'en', text: 'Bronze' }, { locale: 'es', text: 'Bronce' }, { locale: 'fr', text: 'Bronze' }], threshold: 0, earnMultiplier: 1 },
      {
        names: [{ locale: 'en', text: 'Silver' }, { locale: 'es', text: 'Plata' }, { locale: 'fr', text: 'Argent' }],
        threshold: 500,
        earnMultiplier: 1.25,
        entryBonusPoints: 50,
        perks: [{ texts: [{ locale: 'en', text: 'Free shipping on every order' }, { locale: 'fr', text: 'Livraison offerte sur chaque commande' }] }],
      },
      {
        names: [{ locale: 'en', text: 'Gold' }, { locale: 'es', text: 'Oro' }, { locale: 'fr', text: 'Or' }],
        threshold: 1500,
        earnMultiplier: 1.5,
        entryBonusPoints: 150,
        perks: [
          { texts: [{ locale: 'en', text: 'Free shipping on every order' }, { locale: 'fr', text: 'Livraison offerte sur chaque commande' }] },
          { texts: [{ locale: 'en', text: 'Early access to sales' }, { locale: 'fr', text: 'Accès anticipé aux soldes' }] },
        ],
      },
    ],
  });
  if ('field' in result) throw new Error(`the demo tier program is refused: ${result.message}`);
}
