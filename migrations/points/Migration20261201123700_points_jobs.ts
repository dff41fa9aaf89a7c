import { Migration } from '@mikro-orm/migrations';

const TENANT = `"merchant_id" = nullif(current_setting('app.merchant_id', true), '')::uuid`;

/**
 * The points store's scheduled work: pending release, expiry and its warnings, birthday bonuses.
 *
 * `points_expiry_warning` remembers which `points.expiring_soon` warnings went out, one per account
 * and expiry date, so a job that runs more than once a day warns once.
 *
 * The jobs work for every merchant, but RLS shows a transaction one merchant only. Rather than a
 * way around RLS for the service role, two SECURITY DEFINER functions (run as the owner, as the
 * relay's do) say which merchants and accounts have work, returning ids only; the work itself is
 * done under each merchant's tenant setting like any request.
 */
export class Migration20261201123700_points_jobs extends Migration {

  override name = 'Migration20261201123700_points_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table "points_expiry_warning" (
      "id" uuid not null, "merchant_id" uuid not null, "account_id" uuid not null, "expires_on" date not null,
      "points" int not null, "warned_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "points_expiry_warning" add constraint "points_expiry_warning_account_date_unique" unique ("merchant_id", "account_id", "expires_on");`);
    this.addSql(`alter table "points_expiry_warning" add constraint "points_expiry_warning_account_fk" foreign key ("account_id") references "points_account" ("id") on delete cascade;`);
    this.addSql(`alter table "points_expiry_warning" enable row level security;`);
    this.addSql(`alter table "points_expiry_warning" force row level security;`);
    this.addSql(`create policy "points_expiry_warning_tenant" on "points_expiry_warning" using (${TENANT}) with check (${TENANT});`);
    this.addSql(`grant select, insert, update, delete on "points_expiry_warning" to loyalnest_service;`);

    this.addSql(`create index "points_account_birthday_index" on "points_account" ("merchant_id", "birth_month", "birth_day") where "birth_month" is not null;`);

    // Accounts holding pending entries that are due, in account order after `p_after`, so a run
    // walks them all once even when it skips accounts another replica holds.
    this.addSql(`create function points_due_release_accounts(p_after uuid, p_limit int)
      returns table (merchant_id uuid, account_id uuid)
      language sql stable security definer set search_path = public
      as $$ select distinct e.merchant_id, e.account_id from points_entry e
             where e.status = 'pending' and e.available_at <= now()
               and e.account_id > coalesce(p_after, '00000000-0000-0000-0000-000000000000'::uuid)
             order by e.account_id limit p_limit $$;`);

    // Merchants a scheduled job has work for. The fallbacks are the defaults of the earning rules
    // (program on, no birthday bonus, points never expire) for rules stored before a field existed;
    // the job reads each merchant's rules again under its tenant before acting.
    this.addSql(`create function points_scheduled_merchants(p_job text)
      returns table (merchant_id uuid)
      language sql stable security definer set search_path = public
      as $$ select p.merchant_id from points_program p
             where case p_job
                     when 'birthday' then coalesce((p.rules->>'enabled')::boolean, true) and coalesce((p.rules->>'birthdayBonus')::int, 0) > 0
                     when 'expiry' then coalesce(p.rules->>'expiryPolicy', 'never') <> 'never'
                     else false
                   end
             order by p.merchant_id $$;`);

    for (const fn of ['points_due_release_accounts(uuid, int)', 'points_scheduled_merchants(text)']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to loyalnest_service;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists points_scheduled_merchants(text);`);
    this.addSql(`drop function if exists points_due_release_accounts(uuid, int);`);
    this.addSql(`drop index if exists "points_account_birthday_index";`);
    this.addSql(`drop table if exists "points_expiry_warning" cascade;`);
  }

}
