import { inRequestTransaction, isUuid, PeerQueryError, Scope, systemCaller, type RequestContext, type SegmentSyncConfig } from '@loyalnest/kit';
import { shopifyCustomerIds } from '../customers/shopify-customer-ids.js';
import { pgArray } from '../movements/pg-array.js';
import { segmentNamer } from '../movements/segment-names.js';
import type { SegmentsUpdated } from '../topics.js';

/** Where the segment name goes: a customer metafield merchants' Shopify segments and Klaviyo flows can read. */
export const SEGMENT_METAFIELD = { namespace: 'loyalnest', key: 'segment' } as const;
/** Shopify's limit for one `metafieldsSet` call. */
export const METAFIELDS_PER_CALL = 25;
/** Batches per merchant per pass, so that one merchant's backlog does not hold the others' up. */
const BATCHES_PER_PASS = 40;
/** Longer than a batch can take (the customer and merchant subgraphs' answers, Shopify's retries within its deadline). */
const LEASE = "interval '2 minutes'";
const MAX_BACKOFF_MS = 3_600_000;

const SET_METAFIELDS = /* GraphQL */ `
  mutation SegmentMetafields($input: SetCustomerMetafieldsInput!) { _setCustomerMetafields(input: $input) { written rejected { customerShopifyId message } } }
`;

/** A row claimed for a send, with the customer's segment now (null: not scored any more). */
interface Claimed {
  customerId: string;
  generation: number;
  segment: string | null;
}

/** What became of a batch: carry on with the merchant's next one, or leave it for a later pass (Shopify failing). */
type BatchOutcome = 'next' | 'stop';

/**
 * Writes customers' RFM segment names to Shopify (customer metafield `loyalnest.segment`,
 * single_line_text_field) when the merchant turned the sync on (`segment_settings.sync_metafield`,
 * off by default). Never in the recompute's way: a movement only queues its customer (one row per
 * customer in `segment_metafield_sync`, in the consumer's transaction), and the sync job sends the
 * queue later, 25 customers per `metafieldsSet` call, through the merchant subgraph, which alone
 * holds the shop's token and waits out Shopify's cost throttle (THROTTLED answers) and retries
 * transient failures within its deadline.
 *
 * The value is the customer's segment when the batch is sent, named in the shop's language, so
 * the latest change wins whatever order the changes were queued in. A batch that fails (Shopify
 * unavailable through the merchant subgraph's retries, or refusing the call) is tried again after
 * a backoff doubling from `SEGMENT_SYNC_BACKOFF_MS` up to an hour; after `SEGMENT_SYNC_ATTEMPTS`
 * attempts its customers are given up on (`failed`, with the last error, logged) until their next
 * change of segment or the sync's next switch-on. Customers Shopify refuses one by one (deleted in
 * Shopify) are given up on at once, since they would be refused again, and the rest of their
 * batch is sent without them. A customer no longer scored, or that the customer subgraph no longer
 * knows (redacted), has nothing to write and leaves the queue.
 */
export class SegmentMetafieldSyncService {
  constructor(private readonly config: SegmentSyncConfig) {}

  /** Queues a moved customer, in the movement consumer's transaction, when the merchant's sync is on. */
  async request(ctx: RequestContext, customerId: string): Promise<boolean> {
    if (!isUuid(customerId) || !(await this.enabled(ctx))) return false;
    await ctx.em.execute(
      `insert into segment_metafield_sync (merchant_id, customer_id, generation, status, attempts, next_attempt_at, queued_at)
       values (?, ?, 1, 'pending', 0, now(), now())
       on conflict (merchant_id, customer_id) do update
         set generation = segment_metafield_sync.generation + 1, status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null, queued_at = now()`,
      [ctx.merchantId!, customerId],
    );
    return true;
  }

  /**
   * Applies the sync setting of a `segments.updated` event: switched on, every scored customer is
   * queued (one statement); switched off, the queue is emptied. The last version applied is kept,
   * so an older event delivered late, or one delivered again, changes nothing. Returns how many
   * customers were queued.
   */
  async settingsChanged(ctx: RequestContext, update: SegmentsUpdated): Promise<number> {
    const merchantId = ctx.merchantId!;
    await ctx.em.execute(`insert into segment_metafield_sync_setting (merchant_id, enabled, version, updated_at) values (?, false, 0, now()) on conflict do nothing`, [merchantId]);
    const [state] = await ctx.em.execute<{ enabled: boolean; version: number }[]>('select enabled, version from segment_metafield_sync_setting where merchant_id = ? for update', [merchantId]);
    if (update.version <= state.version) return 0;
    await ctx.em.execute('update segment_metafield_sync_setting set enabled = ?, version = ?, updated_at = now() where merchant_id = ?', [update.syncMetafield, update.version, merchantId]);
    if (!update.syncMetafield) {
      if (state.enabled) await ctx.em.execute('delete from segment_metafield_sync where merchant_id = ?', [merchantId]);
      return 0;
    }
    if (state.enabled) return 0;
    const queued = await ctx.em.execute<{ customer_id: string }[]>(
      `insert into segment_metafield_sync (merchant_id, customer_id, generation, status, attempts, next_attempt_at, queued_at)
       select c.merchant_id, c.customer_id, 1, 'pending', 0, now(), now() from segment_customer c where c.merchant_id = ? and c.segment is not null
       on conflict (merchant_id, customer_id) do update
         set generation = segment_metafield_sync.generation + 1, status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null, queued_at = now()
       returning customer_id`,
      [merchantId],
    );
    return queued.length;
  }

  /** Sends the merchant's due customers, a batch at a time, until none is due, Shopify fails, the pass's share is used or `signal` aborts. Returns how many were written. */
  async drain(ctx: RequestContext, signal?: AbortSignal): Promise<number> {
    let written = 0;
    for (let batch = 0; batch < BATCHES_PER_PASS && !signal?.aborted; batch++) {
      const claimed = await inRequestTransaction(ctx, () => this.claim(ctx));
      if (!claimed.length) break;
      const outcome = await this.send(ctx, claimed);
      written += outcome.written;
      if (outcome.next === 'stop') break;
    }
    return written;
  }

  private async enabled(ctx: RequestContext): Promise<boolean> {
    const [settings] = await ctx.em.execute<{ sync_metafield: boolean }[]>('select sync_metafield from segment_settings where merchant_id = ?', [ctx.merchantId!]);
    return settings?.sync_metafield ?? false;
  }

  /** Leases the next due customers; none when the sync was switched off meanwhile (the queue is emptied then). */
  private async claim(ctx: RequestContext): Promise<Claimed[]> {
    const merchantId = ctx.merchantId!;
    if (!(await this.enabled(ctx))) {
      await ctx.em.execute('delete from segment_metafield_sync where merchant_id = ?', [merchantId]);
      return [];
    }
    const rows = await ctx.em.execute<{ customer_id: string; generation: string; segment: string | null }[]>(
      `with picked as (
         select s.customer_id from segment_metafield_sync s
          where s.merchant_id = ? and s.status = 'pending' and s.next_attempt_at <= now() and (s.leased_until is null or s.leased_until <= now())
          order by s.next_attempt_at, s.customer_id
          limit ? for update skip locked)
       update segment_metafield_sync s set leased_until = now() + ${LEASE}
         from picked
        where s.merchant_id = ? and s.customer_id = picked.customer_id
       returning s.customer_id, s.generation,
         (select c.segment from segment_customer c where c.merchant_id = s.merchant_id and c.customer_id = s.customer_id) as segment`,
      [merchantId, METAFIELDS_PER_CALL, merchantId],
    );
    return rows.map((r) => ({ customerId: r.customer_id, generation: Number(r.generation), segment: r.segment }));
  }

  private async send(ctx: RequestContext, claimed: Claimed[]): Promise<{ written: number; next: BatchOutcome }> {
    const scored = claimed.filter((c) => c.segment !== null);
    let values: { customer: Claimed; customerShopifyId: string; value: string }[];
    try {
      const [shopifyIds, names] = await Promise.all([shopifyCustomerIds(ctx, scored.map((c) => c.customerId)), scored.length ? segmentNamer(ctx) : null]);
      values = scored.flatMap((customer) => {
        const customerShopifyId = shopifyIds.get(customer.customerId);
        return customerShopifyId ? [{ customer, customerShopifyId, value: names!.nameOf(customer.segment!) }] : [];
      });
    } catch (error) {
      await this.failed(ctx, claimed, error);
      return { written: 0, next: 'stop' };
    }
    const nothingToWrite = claimed.filter((c) => !values.some((v) => v.customer === c));
    if (nothingToWrite.length) await this.done(ctx, nothingToWrite);
    if (!values.length) return { written: 0, next: 'next' };

    let answer: { written: number; rejected: { customerShopifyId: string; message: string }[] };
    try {
      const input = { ...SEGMENT_METAFIELD, values: values.map(({ customerShopifyId, value }) => ({ customerShopifyId, value })) };
      const data = await ctx.peers.query<{ _setCustomerMetafields: typeof answer }>('merchant', SET_METAFIELDS, { input }, { ...systemCaller([Scope.SHOPIFY_ADMIN], ctx.merchantId), requestId: ctx.requestId });
      answer = data._setCustomerMetafields;
    } catch (error) {
      await this.failed(ctx, values.map((v) => v.customer), error);
      return { written: 0, next: 'stop' };
    }
    if (answer.rejected.length) {
      const refused = new Map(answer.rejected.map((r) => [r.customerShopifyId, r.message]));
      const given = values.filter((v) => refused.has(v.customerShopifyId));
      await this.giveUp(ctx, given.map((v) => v.customer), given.map((v) => `Shopify refused the value: ${refused.get(v.customerShopifyId)}`));
      // Shopify wrote none of the batch: the others are due again at once, without the refused.
      await this.release(ctx, values.filter((v) => !refused.has(v.customerShopifyId)).map((v) => v.customer));
      return { written: 0, next: 'next' };
    }
    await this.done(ctx, values.map((v) => v.customer));
    return { written: answer.written, next: 'next' };
  }

  /** Sent (or nothing to send): the rows leave the queue, unless a newer request came meanwhile, which is sent in a later batch. */
  private async done(ctx: RequestContext, rows: Claimed[]): Promise<void> {
    await ctx.em.execute(
      `with d as (select * from unnest(?::uuid[], ?::bigint[]) as d(customer_id, generation)),
            gone as (delete from segment_metafield_sync s using d where s.merchant_id = ? and s.customer_id = d.customer_id and s.generation = d.generation returning s.customer_id)
       update segment_metafield_sync s set leased_until = null from d where s.merchant_id = ? and s.customer_id = d.customer_id and s.generation <> d.generation`,
      [pgArray(rows.map((r) => r.customerId)), pgArray(rows.map((r) => r.generation)), ctx.merchantId!, ctx.merchantId!],
    );
  }

  private async release(ctx: RequestContext, rows: Claimed[]): Promise<void> {
    if (!rows.length) return;
    await ctx.em.execute('update segment_metafield_sync set leased_until = null where merchant_id = ? and customer_id = any(?::uuid[])', [ctx.merchantId!, pgArray(rows.map((r) => r.customerId))]);
  }

  /** Shopify would refuse these again: given up on until their next change. */
  private async giveUp(ctx: RequestContext, rows: Claimed[], reasons: string[]): Promise<void> {
    await ctx.em.execute(
      `update segment_metafield_sync s set status = 'failed', leased_until = null, last_error = left(d.reason, 1000)
         from unnest(?::uuid[], ?::bigint[], ?::text[]) as d(customer_id, generation, reason)
        where s.merchant_id = ? and s.customer_id = d.customer_id and s.generation = d.generation`,
      [pgArray(rows.map((r) => r.customerId)), pgArray(rows.map((r) => r.generation)), pgArray(reasons), ctx.merchantId!],
    );
    await this.release(ctx, rows);
    ctx.log.warn({ customers: rows.map((r) => r.customerId), reasons }, `segment metafield sync gave up on ${rows.length} customer(s) Shopify refused`);
  }

  /**
   * A failed attempt: tried again after the backoff, or given up on after the last attempt. A row
   * requested again meanwhile starts afresh instead (its request reset the attempts).
   */
  private async failed(ctx: RequestContext, rows: Claimed[], error: unknown): Promise<void> {
    const reason = (error instanceof PeerQueryError ? `${error.codes.join(',')} ${error.message}` : (error as Error).message).slice(0, 1000);
    const gaveUp = await ctx.em.execute<{ customer_id: string }[]>(
      `update segment_metafield_sync s
          set attempts = s.attempts + 1, last_error = ?, leased_until = null,
              status = case when s.attempts + 1 >= ? then 'failed' else 'pending' end,
              next_attempt_at = now() + least(?::float8 * power(2, s.attempts), ?::float8) * interval '1 millisecond'
         from unnest(?::uuid[], ?::bigint[]) as d(customer_id, generation)
        where s.merchant_id = ? and s.customer_id = d.customer_id and s.generation = d.generation
       returning case when s.status = 'failed' then s.customer_id end as customer_id`,
      [reason, this.config.attempts, this.config.backoffMs, MAX_BACKOFF_MS, pgArray(rows.map((r) => r.customerId)), pgArray(rows.map((r) => r.generation)), ctx.merchantId!],
    );
    await this.release(ctx, rows);
    const given = gaveUp.filter((r) => r.customer_id !== null).length;
    ctx.log.warn({ err: error, customers: rows.length, gaveUp: given }, `segment metafield sync of ${rows.length} customer(s) failed${given ? `; gave up on ${given} after ${this.config.attempts} attempts` : '; tried again after the backoff'}`);
  }
}
