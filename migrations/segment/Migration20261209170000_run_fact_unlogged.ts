import { Migration } from '@mikro-orm/migrations';

/**
 * `segment_run_fact` unlogged: a run writes a million facts at its start and deletes them at its
 * end, and the write-ahead log of both was a good part of a large run's time. The facts are a
 * run's scratch, recomputable from the order facts: when a crash of PostgreSQL empties the table,
 * the run's next step sees its facts gone and starts the run again from its `as_of`
 * (`SegmentRecomputeService.step`). Unlogged tables are not replicated to standbys, which never read
 * this one.
 */
export class Migration20261209170000_run_fact_unlogged extends Migration {

  override name = 'Migration20261209170000_run_fact_unlogged';

  override up(): void | Promise<void> {
    this.addSql(`alter table "segment_run_fact" set unlogged;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "segment_run_fact" set logged;`);
  }

}
