import { Migration } from '@mikro-orm/migrations';

/**
 * The inbox sweeper: how often a delivery was published again, and a narrow SECURITY DEFINER
 * function that claims stale unprocessed deliveries across merchants (RLS hides them from the
 * service role otherwise). `skip locked`, so replicas sweeping together share the rows.
 */
export class Migration20261123180000_inbox_sweeper extends Migration {

  override name = 'Migration20261123180000_inbox_sweeper';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" add column "sweep_count" int not null default 0, add column "swept_at" timestamptz null;`);
    this.addSql(`create index "webhook_delivery_received_stale_index" on "webhook_delivery" ("received_at") where "status" = 'received';`);
    this.addSql(`
      create function loyalnest_inbox_claim_stale(stale_ms int, max_sweeps int, batch int)
      returns table (id uuid, merchant_id uuid, topic text)
      language sql security definer set search_path = public
      as $$
        update webhook_delivery d set sweep_count = d.sweep_count + 1, swept_at = now()
        where d.id in (
          select s.id from webhook_delivery s
          where s.status = 'received' and s.sweep_count < max_sweeps
            and coalesce(s.swept_at, s.received_at) < now() - make_interval(secs => stale_ms / 1000.0)
          order by s.received_at
          limit batch
          for update skip locked)
        returning d.id, d.merchant_id, d.topic::text
      $$;`);
    this.addSql(`revoke all on function loyalnest_inbox_claim_stale(int, int, int) from public;`);
    this.addSql(`grant execute on function loyalnest_inbox_claim_stale(int, int, int) to loyalnest_service;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists loyalnest_inbox_claim_stale(int, int, int);`);
    this.addSql(`drop index if exists "webhook_delivery_received_stale_index";`);
    this.addSql(`alter table "webhook_delivery" drop column "sweep_count", drop column "swept_at";`);
  }

}
