import { Scope, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import type { ClickStore, ReferralOffer } from '../clicks/click-store.js';
import { clickDay } from '../clicks/visitor.js';
import type { ReferralCodeService } from './referral-code.service.js';
import type { ReferralProgramService } from './referral-program.service.js';

const MERCHANT_CURRENCY = /* GraphQL */ `
  query ReferralMerchantCurrency { merchant { currency } }
`;

export type ClickAnswer = { kind: 'unknown' } | { kind: 'known'; offer: ReferralOffer };

/**
 * A click on a referral link: Redis alone when the code and the offer are cached (one script:
 * lookup and count); on a miss, PostgreSQL (and the merchant subgraph for the currency) fills the
 * cache and the click is counted then. Codes are looked up within the merchant the signed request
 * came from, so a code of another shop resolves to nothing.
 */
export class ReferralClickService {
  /**
   * Cache fills in flight, by merchant and code: the clicks that miss together wait for one fill.
   * Without it a link shared to many at once (or a cold cache under load) sends every one of its
   * concurrent clicks to PostgreSQL and the merchant subgraph: measured in `bench referral`, 50
   * clients on cold codes made some 3,000 fills of 100 codes and held clicks at 100 ms.
   */
  private readonly filling = new Map<string, Promise<{ holder: string | null; offer: ReferralOffer }>>();

  constructor(
    private readonly codes: ReferralCodeService,
    private readonly program: ReferralProgramService,
  ) {}

  async click(runtime: SubgraphRuntime, store: ClickStore, merchantId: string, code: string, visitor: string, now: Date = new Date()): Promise<ClickAnswer> {
    const day = clickDay(now);
    let outcome = await store.click(merchantId, code, visitor, day);
    if (outcome.kind === 'miss') {
      const { holder, offer } = await this.fill(runtime, store, merchantId, code);
      outcome = await store.click(merchantId, code, visitor, day);
      // Redis lost the keys again in between (a flush, an eviction): answer from PostgreSQL, uncounted.
      if (outcome.kind === 'miss') return holder ? { kind: 'known', offer } : { kind: 'unknown' };
    }
    return outcome.kind === 'unknown' ? outcome : { kind: 'known', offer: outcome.offer };
  }

  private fill(runtime: SubgraphRuntime, store: ClickStore, merchantId: string, code: string): Promise<{ holder: string | null; offer: ReferralOffer }> {
    const key = `${merchantId}:${code}`;
    let pending = this.filling.get(key);
    if (!pending) {
      pending = (async () => {
        const loaded = await this.load(runtime, merchantId, code);
        await store.fill(merchantId, code, loaded.holder, loaded.offer);
        return loaded;
      })().finally(() => this.filling.delete(key));
      this.filling.set(key, pending);
    }
    return pending;
  }

  /** What the cache holds for the code and the merchant, read from the store (and the shop's currency from the merchant subgraph). */
  private async load(runtime: SubgraphRuntime, merchantId: string, code: string): Promise<{ holder: string | null; offer: ReferralOffer }> {
    const ctx = runtime.createContext(systemCaller([Scope.REFERRALS_READ], merchantId));
    const [holder, program] = await Promise.all([this.codes.holderOf(ctx.em, merchantId, code), this.program.programIn(ctx.em, merchantId)]);
    if (!program.enabled) return { holder, offer: { enabled: false, reward: null, currency: null } };
    const caller = { ...systemCaller([Scope.MERCHANT_READ], merchantId), requestId: ctx.requestId };
    const { merchant } = await runtime.peers.query<{ merchant: { currency: string } }>('merchant', MERCHANT_CURRENCY, {}, caller);
    const { kind, value, minimumOrderAmount, expiryDays } = program.friendReward;
    return { holder, offer: { enabled: true, reward: { kind: kind.toUpperCase(), value, minimumOrderAmount, expiryDays }, currency: merchant.currency } };
  }
}
