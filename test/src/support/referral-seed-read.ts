import { FieldCipher, fingerprinterOf } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import { friendEmailAad } from '../../../subgraphs/referral/src/entities/referral.entity.js';
import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';

/** A status to seed, or ISSUING: a CLAIMED row whose discount is still being asked of Shopify. */
export type SeedStatus = 'CLAIMED' | 'PENDING' | 'COMPLETED' | 'BLOCKED' | 'VOIDED' | 'REJECTED' | 'ISSUING';

export interface ReadSeed {
  status: SeedStatus;
  advocateId: string;
  claimedAt: Date;
  friendCustomerId?: string | null;
  friendEmail?: string;
  orderTotalMinor?: number;
  currency?: string;
  points?: number;
  friendIpHash?: string;
}

export interface SeededRead {
  id: string;
  advocateId: string;
  status: SeedStatus;
  friendEmail: string;
  claimedAt: Date;
}

const BLOCKED_FRAUD = {
  verdict: 'BLOCKED',
  reasons: [{ reason: 'SELF_REFERRAL', action: 'BLOCK', stage: 'CLAIM', explanation: "The friend's email is the advocate's, once normalized." }],
};

/**
 * A referral as the claim, conversion, hold and review paths leave it in each status, inserted as
 * the store's owner: the friend's email encrypted and fingerprinted as the services do, an order of
 * `orderTotalMinor` from PENDING on, points on COMPLETED, a self-referral block on BLOCKED.
 */
export async function seedReadReferral(gateway: TestGateway, merchantId: string, seed: ReadSeed): Promise<SeededRead> {
  const id = randomUUID();
  const friendEmail = seed.friendEmail ?? `friend-${randomBytes(4).toString('hex')}@example.com`;
  const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
  const emailHash = fingerprinterOf(gateway.config.kit.blindIndexKey).email(friendEmail);
  const status = seed.status === 'ISSUING' ? 'CLAIMED' : seed.status;
  const converted = ['PENDING', 'COMPLETED', 'VOIDED'].includes(status);
  const at = (ms: number) => new Date(seed.claimedAt.getTime() + ms);
  const discountStatus = seed.status === 'ISSUING' ? 'ISSUING' : status === 'BLOCKED' ? 'NONE' : 'ISSUED';
  await withOwnerDb('referral', (db) =>
    db.query(
      `insert into referral (merchant_id, id, advocate_id, advocate_code, friend_customer_id, friend_email_encrypted, friend_email_hash, friend_ip_hash, friend_user_agent_hash,
         status, fraud, discount_status, discount_code, order_id, order_total_minor, order_currency, converted_at, hold_until, completed_at, points_awarded,
         voided_at, void_reason, rejected_at, decided_by, claimed_at, updated_at)
       values ($1, $2, $3, 'ADV0C0DE', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, now())`,
      [
        merchantId,
        id,
        seed.advocateId,
        seed.friendCustomerId ?? null,
        cipher.encrypt(friendEmail, friendEmailAad(merchantId, id)),
        emailHash,
        seed.friendIpHash ?? `ip-${randomBytes(6).toString('hex')}`,
        `ua-${randomBytes(6).toString('hex')}`,
        status,
        JSON.stringify(status === 'BLOCKED' ? BLOCKED_FRAUD : { verdict: 'CLEAN', reasons: [] }),
        discountStatus,
        discountStatus === 'NONE' ? null : `REF-${randomBytes(5).toString('hex').toUpperCase()}`,
        converted ? String(7_000_000_000_000 + Math.floor(Math.random() * 1e9)) : null,
        converted ? (seed.orderTotalMinor ?? 5000) : null,
        converted ? (seed.currency ?? 'EUR') : null,
        converted ? at(3_600_000) : null,
        converted ? at(14 * 86_400_000) : null,
        status === 'COMPLETED' ? at(15 * 86_400_000) : null,
        status === 'COMPLETED' ? (seed.points ?? 500) : null,
        status === 'VOIDED' ? at(7_200_000) : null,
        status === 'VOIDED' ? 'ORDER_CANCELLED' : null,
        status === 'REJECTED' ? at(7_200_000) : null,
        status === 'REJECTED' ? 'admin-1' : null,
        seed.claimedAt,
      ],
    ),
  );
  return { id, advocateId: seed.advocateId, status: seed.status, friendEmail, claimedAt: seed.claimedAt };
}

/** Sets the flushed click counts of a customer's code (the flush job's effect), creating the code row if needed. */
export async function setClicks(merchantId: string, customerId: string, clicks: number, uniqueClicks: number): Promise<void> {
  await withOwnerDb('referral', (db) =>
    db.query(
      `insert into referral_code (merchant_id, customer_id, code, clicks, unique_clicks, created_at)
       values ($1, $2, upper(substr(md5(random()::text), 1, 8)), $3, $4, now())
       on conflict (merchant_id, customer_id) do update set clicks = excluded.clicks, unique_clicks = excluded.unique_clicks`,
      [merchantId, customerId, clicks, uniqueClicks],
    ),
  );
}

