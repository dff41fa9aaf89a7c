import { Migration } from '@mikro-orm/migrations';

/**
 * The SECURITY DEFINER functions (the relay's and the dead-letter pump's claims) worked only
 * because migrations ran as a superuser: forced RLS hides every row from a non-superuser owner, so
 * on a managed PostgreSQL no event would be published. They now belong to `loyalnest_definer`
 * (NOLOGIN, BYPASSRLS, created by `migrate`), which holds only the table privileges their bodies
 * need, and resolve names with pg_catalog first and pg_temp last, so no object a caller creates
 * can stand in for one they use.
 */
export class Migration20261204120000_definer_owner extends Migration {

  override name = 'Migration20261204120000_definer_owner';

  override up(): void | Promise<void> {
    // CREATE on the schema: PostgreSQL requires it of a function's new owner.
    this.addSql(`grant usage, create on schema public to loyalnest_definer;`);
    this.addSql(`grant select, update on "outbox_event", "dead_letter_event" to loyalnest_definer;`);
    this.addSql(`grant select, insert, update on "outbox_delivery" to loyalnest_definer;`);
    for (const fn of FUNCTIONS) {
      this.addSql(`alter function ${fn} set search_path = pg_catalog, public, pg_temp;`);
      this.addSql(`alter function ${fn} owner to loyalnest_definer;`);
    }
  }

  override down(): void | Promise<void> {
    for (const fn of FUNCTIONS) {
      this.addSql(`alter function ${fn} owner to current_user;`);
      this.addSql(`alter function ${fn} set search_path = public;`);
    }
    this.addSql(`revoke select, update on "outbox_event", "dead_letter_event" from loyalnest_definer;`);
    this.addSql(`revoke select, insert, update on "outbox_delivery" from loyalnest_definer;`);
    this.addSql(`revoke usage, create on schema public from loyalnest_definer;`);
  }

}

const FUNCTIONS = [
  'loyalnest_outbox_claim(text[], int)',
  'loyalnest_outbox_mark_published(uuid[], uuid[], text[])',
  'loyalnest_outbox_republish(text, bigint, uuid, int)',
  'loyalnest_outbox_ack(text, uuid[])',
  'loyalnest_dead_letter_claim_retries(text, bigint, int)',
];
