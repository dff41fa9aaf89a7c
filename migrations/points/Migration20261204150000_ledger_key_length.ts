import { Migration } from '@mikro-orm/migrations';

/**
 * A ledger key holds a client's idempotency key (up to 200 characters) behind prefixes: for an
 * unlimited activity `activity:<key ≤ 64>:<customer id>:` and the caller's namespace
 * (`partner:<key id>:`), 356 characters in all, which overflowed varchar(255) as an internal error.
 * Widening a varchar rewrites nothing in PostgreSQL.
 */
export class Migration20261204150000_ledger_key_length extends Migration {

  override name = 'Migration20261204150000_ledger_key_length';

  override up(): void | Promise<void> {
    this.addSql(`alter table "points_entry" alter column "idempotency_key" type varchar(400);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "points_entry" alter column "idempotency_key" type varchar(255);`);
  }

}
