import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook subscriptions belong to whoever created them: a partner key sees and acts only on its
 * own, and revoking the key disables them (`api_key_revoked`); uninstalling the app disables all of
 * the merchant's (`app_uninstalled`). The index finds one key's subscriptions at revocation and on
 * every call the key makes.
 */
export class Migration20261208120000_webhook_subscription_owners extends Migration {

  override name = 'Migration20261208120000_webhook_subscription_owners';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_subscription" drop constraint if exists "webhook_subscription_disabled_reason_check";`);
    this.addSql(`alter table "webhook_subscription" add constraint "webhook_subscription_disabled_reason_check"
      check ("disabled_reason" in ('failures', 'merchant', 'api_key_revoked', 'app_uninstalled'));`);
    this.addSql(`create index if not exists "webhook_subscription_creator_index" on "webhook_subscription" ("merchant_id", "created_by_kind", "created_by_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "webhook_subscription_creator_index";`);
    // Across every merchant: the owner running migrations is subject to forced RLS (with no
    // merchant set it would update nothing, and the narrower check below would then fail), so the
    // table stops forcing it for this transaction only.
    this.addSql(`alter table "webhook_subscription" no force row level security;`);
    this.addSql(`update "webhook_subscription" set "disabled_reason" = 'merchant' where "disabled_reason" in ('api_key_revoked', 'app_uninstalled');`);
    this.addSql(`alter table "webhook_subscription" force row level security;`);
    this.addSql(`alter table "webhook_subscription" drop constraint if exists "webhook_subscription_disabled_reason_check";`);
    this.addSql(`alter table "webhook_subscription" add constraint "webhook_subscription_disabled_reason_check" check ("disabled_reason" in ('failures', 'merchant'));`);
  }

}
