import { Migration } from '@mikro-orm/migrations';

/**
 * `tier_member.tier_threshold`: the threshold of the tier held, as of its last evaluation. When a
 * program change removes that tier, placement can no longer rank it among the program's tiers;
 * this says whether the move that follows goes up or down. Null for members not evaluated since.
 */
export class Migration20261206009000_held_threshold extends Migration {

  override name = 'Migration20261206009000_held_threshold';

  override up(): void | Promise<void> {
    this.addSql(`alter table "tier_member" add column "tier_threshold" bigint null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "tier_member" drop column if exists "tier_threshold";`);
  }

}
