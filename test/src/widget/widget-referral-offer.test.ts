import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestGateway, type Mode, type TestGateway } from '../support/gateway.js';
import { updateReferralProgram } from '../support/referrals.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from '../support/tenants.js';
import { bearer } from '../support/tokens.js';
import { sessionToken } from '../support/proxy-session.js';

const OFFER = `query {
  referralOffer {
    enabled advocatePoints minimumOrderValue holdDays
    friendReward { kind value minimumOrderAmount expiryDays singleUse oncePerCustomer }
  }
}`;

interface Offer {
  enabled: boolean;
  advocatePoints: number | null;
  minimumOrderValue: string | null;
  holdDays: number | null;
  friendReward: Record<string, unknown> | null;
}

const OFF: Offer = { enabled: false, advocatePoints: null, minimumOrderValue: null, holdDays: null, friendReward: null };

async function offerAs(gateway: TestGateway, auth: Record<string, string>): Promise<Offer> {
  const result = await gateway.gql<{ referralOffer: Offer }>(OFFER, {}, auth);
  if (result.errors?.length || !result.data) throw new Error(`referralOffer failed: ${JSON.stringify(result.errors)}`);
  return result.data.referralOffer;
}

describe.each<Mode>(['embedded', 'networked'])('referralOffer: the referral program as the storefront tells it (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('says only that the program is off while it was never saved', async () => {
    const fresh = await createMerchant(gateway);
    expect(await offerAs(gateway, bearer(await sessionToken(gateway, fresh.shop, '')))).toEqual(OFF);
  });

  it('gives a guest, a customer and an admin of the merchant the same offer: both rewards, the order minimums and the hold', async () => {
    await updateReferralProgram(gateway, a.auth, {
      enabled: true,
      advocatePoints: 250,
      friendReward: { kind: 'FIXED_AMOUNT', value: '15', minimumOrderAmount: '50', expiryDays: 30 },
      minimumOrderValue: '40',
      holdDays: 14,
    });
    const noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com' });
    const expected: Offer = {
      enabled: true,
      advocatePoints: 250,
      minimumOrderValue: '40.00',
      holdDays: 14,
      friendReward: { kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 30, singleUse: true, oncePerCustomer: true },
    };
    expect(await offerAs(gateway, bearer(await sessionToken(gateway, a.shop, '')))).toEqual(expected);
    expect(await offerAs(gateway, bearer(await sessionToken(gateway, a.shop, noor.shopifyId)))).toEqual(expected);
    expect(await offerAs(gateway, a.auth)).toEqual(expected);
  });

  it("keeps merchants apart: A's callers read A's offer, B's read B's, never the other's", async () => {
    await Promise.all([
      updateReferralProgram(gateway, a.auth, { enabled: true, advocatePoints: 111, friendReward: { kind: 'PERCENTAGE', value: '11' } }),
      updateReferralProgram(gateway, b.auth, { enabled: true, advocatePoints: 999, friendReward: { kind: 'FREE_SHIPPING' } }),
    ]);
    const [guestOfA, guestOfB] = await Promise.all([sessionToken(gateway, a.shop, ''), sessionToken(gateway, b.shop, '')]);
    expect(await offerAs(gateway, bearer(guestOfA))).toMatchObject({ advocatePoints: 111, friendReward: { kind: 'PERCENTAGE', value: '11.00' } });
    expect(await offerAs(gateway, a.auth)).toMatchObject({ advocatePoints: 111 });
    expect(await offerAs(gateway, bearer(guestOfB))).toMatchObject({ advocatePoints: 999, friendReward: { kind: 'FREE_SHIPPING', value: null } });
    expect(await offerAs(gateway, b.auth)).toMatchObject({ advocatePoints: 999 });
    // B switching off changes nothing for A
    await updateReferralProgram(gateway, b.auth, { enabled: false, advocatePoints: 999, friendReward: { kind: 'FREE_SHIPPING' } });
    expect(await offerAs(gateway, bearer(guestOfB))).toEqual(OFF);
    expect(await offerAs(gateway, bearer(guestOfA))).toMatchObject({ enabled: true, advocatePoints: 111 });
  });

  it('shows none of the figures of a program switched off (it may be a draft), though the admin still reads them in referralProgram', async () => {
    await updateReferralProgram(gateway, a.auth, { enabled: false, advocatePoints: 777, friendReward: { kind: 'PERCENTAGE', value: '77' } });
    expect(await offerAs(gateway, bearer(await sessionToken(gateway, a.shop, '')))).toEqual(OFF);
    const program = await gateway.gql<{ referralProgram: { advocatePoints: number } }>('query { referralProgram { advocatePoints } }', {}, a.auth);
    expect(program.data?.referralProgram.advocatePoints).toBe(777);
  });

  it('is refused to a caller with no merchant behind it', async () => {
    const anonymous = await gateway.gql('query { referralOffer { enabled } }', {});
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
