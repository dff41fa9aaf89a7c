import type { SubgraphJob, SubgraphRuntime } from '@loyalnest/kit';
import type { BirthdayService } from '../services/birthday.service.js';
import { merchantContext, scheduledMerchants } from './merchant-transaction.js';

/** Awards birthday bonuses for every merchant with a bonus; see `BirthdayService.awardDue`. Returns the bonuses posted. */
export async function awardBirthdayBonuses(runtime: SubgraphRuntime, birthdays: BirthdayService, now = new Date()): Promise<number> {
  let awarded = 0;
  for (const merchantId of await scheduledMerchants(runtime, 'birthday')) awarded += await birthdays.awardDue(merchantContext(runtime, merchantId), now);
  return awarded;
}

export function birthdayBonusJob(runtime: SubgraphRuntime, birthdays: BirthdayService): SubgraphJob {
  return {
    name: 'birthday bonus',
    everyMs: runtime.config.pointsJobs.birthdayEveryMs,
    async run() {
      await awardBirthdayBonuses(runtime, birthdays);
    },
  };
}
