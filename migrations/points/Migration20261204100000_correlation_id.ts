import { Migration } from '@mikro-orm/migrations';

/** The relay's functions return these columns; `correlation_id` is the one this migration adds. */
const returned = (correlation: boolean) => `id uuid, merchant_id uuid, topic text, version int, payload jsonb, occurred_at timestamptz,
      actor_kind text, actor_id text, request_id text${correlation ? ', correlation_id text' : ''}`;
const selected = (alias: string, correlation: boolean) =>
  `${alias}.actor_kind::text, ${alias}.actor_id::text, ${alias}.request_id::text${correlation ? `, ${alias}.correlation_id::text` : ''}`;

const FUNCTIONS = ['loyalnest_outbox_claim(text[], int)', 'loyalnest_outbox_republish(text, bigint, uuid, int)', 'loyalnest_dead_letter_claim_retries(text, bigint, int)'];

/**
 * Events keep the client's correlation id apart from the request id: `request_id` is now always
 * the gateway's own UUID, and what a client sent as `X-Request-Id` (when valid) goes to
 * `correlation_id`. Dead letters keep it too, and the relay's functions return it (a function's
 * result type cannot be replaced in place, hence drop and create).
 */
export class Migration20261204100000_correlation_id extends Migration {

  override name = 'Migration20261204100000_correlation_id';

  override up(): void | Promise<void> {
    for (const table of ['outbox_event', 'dead_letter_event']) {
      this.addSql(`alter table "${table}" add column "correlation_id" varchar(128) null;`);
    }
    this.functions(true, 'pg_catalog, public, pg_temp');
  }

  override down(): void | Promise<void> {
    this.functions(false, 'public');
    for (const table of ['outbox_event', 'dead_letter_event']) {
      this.addSql(`alter table "${table}" drop column "correlation_id";`);
    }
  }

  private functions(correlation: boolean, searchPath: string): void {
    this.addSql(`drop function loyalnest_outbox_claim(text[], int);`);
    this.addSql(`create function loyalnest_outbox_claim(p_topics text[], p_limit int)
      returns table (${returned(correlation)})
      language sql volatile security definer set search_path = ${searchPath}
      as $$ select e.id, e.merchant_id, e.topic::text, e.version, e.payload, e.occurred_at, ${selected('e', correlation)}
              from outbox_event e
             where e.published_at is null and (p_topics is null or e.topic = any(p_topics))
             order by e.id limit p_limit
               for update skip locked $$;`);

    this.addSql(`drop function loyalnest_outbox_republish(text, bigint, uuid, int);`);
    this.addSql(`create function loyalnest_outbox_republish(p_consumer text, p_min_age_ms bigint, p_after uuid, p_limit int)
      returns table (${returned(correlation)})
      language sql volatile security definer set search_path = ${searchPath}
      as $$ with picked as (
              select d.event_id from outbox_delivery d
               where d.consumer = p_consumer and d.acked_at is null
                 and d.published_at <= now() - make_interval(secs => p_min_age_ms / 1000.0)
                 and d.event_id > coalesce(p_after, '00000000-0000-0000-0000-000000000000'::uuid)
               order by d.event_id limit p_limit
                 for update skip locked),
            touched as (
              update outbox_delivery d set published_at = now(), publish_count = d.publish_count + 1
                from picked where d.event_id = picked.event_id and d.consumer = p_consumer
              returning d.event_id)
            select e.id, e.merchant_id, e.topic::text, e.version, e.payload, e.occurred_at, ${selected('e', correlation)}
              from outbox_event e join touched t on t.event_id = e.id
             order by e.id $$;`);

    this.addSql(`drop function loyalnest_dead_letter_claim_retries(text, bigint, int);`);
    this.addSql(`create function loyalnest_dead_letter_claim_retries(p_consumer text, p_min_age_ms bigint, p_limit int)
      returns table (${returned(correlation)})
      language sql volatile security definer set search_path = ${searchPath}
      as $$ with picked as (
              select l.id from dead_letter_event l
               where l.consumer = p_consumer and l.status = 'retrying'
                 and (l.retry_enqueued_at is null or l.retry_enqueued_at <= now() - make_interval(secs => p_min_age_ms / 1000.0))
               order by l.id limit p_limit
                 for update skip locked)
            update dead_letter_event l set retry_enqueued_at = now() from picked where l.id = picked.id
            returning l.event_id, l.merchant_id, l.topic::text, l.version, l.payload, l.occurred_at, ${selected('l', correlation)} $$;`);

    for (const fn of FUNCTIONS) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

}
