import { Migration } from '@mikro-orm/migrations';

/**
 * The program's minimum order value (in the order's minor units) that applied when the referral
 * converted: a refund inside the hold is judged against it, not against whatever minimum the
 * merchant has set since. Null: the program had no minimum (only a full refund voids). Referrals
 * converted before this column existed keep null.
 */
export class Migration20261208150000_referral_minimum_at_conversion extends Migration {

  override name = 'Migration20261208150000_referral_minimum_at_conversion';

  override up(): void | Promise<void> {
    this.addSql(`alter table "referral" add column "minimum_order_minor" bigint null check ("minimum_order_minor" >= 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "referral" drop column if exists "minimum_order_minor";`);
  }

}
