import { badInput, type RequestContext } from '@loyalnest/kit';
import { PointsProgramEntity } from '../entities/points-program.entity.js';
import type { UpdateEarningRulesInput } from '../graphql/update-earning-rules.input.js';
import { withDefaults, type EarningRules } from './earning-rules.js';

/** The merchant's earning rules: read on every earning, changed by admins. */
export class PointsProgramService {
  /**
   * Rules as first read by each request or event: an order's earning asked for them three times
   * (three statements of the points consumer's 22 per order), and one reading also gives the
   * whole of an event one set of rules even if an admin saves new ones meanwhile.
   */
  private readonly read = new WeakMap<RequestContext, Promise<EarningRules>>();

  rules(ctx: RequestContext): Promise<EarningRules> {
    let rules = this.read.get(ctx);
    if (!rules) {
      rules = ctx.em.findOne(PointsProgramEntity, { merchantId: ctx.merchantId! }, { disableIdentityMap: true }).then((program) => withDefaults(program?.rules));
      this.read.set(ctx, rules);
      rules.catch(() => this.read.delete(ctx));
    }
    return rules;
  }

  async update(ctx: RequestContext, input: UpdateEarningRulesInput): Promise<EarningRules> {
    if (input.pointsPerCurrencyUnit != null && !hasAtMostTwoDecimals(input.pointsPerCurrencyUnit)) {
      throw badInput('pointsPerCurrencyUnit', 'has at most two decimals');
    }
    const keys = (input.activities ?? []).map((a) => a.key);
    const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
    if (repeated) throw badInput('activities', `key "${repeated}" appears twice`);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as Partial<EarningRules>;
    // Read and written in one unit of work; two admins saving at once is last-writer-wins on the whole set.
    const program = await ctx.em.findOne(PointsProgramEntity, { merchantId: ctx.merchantId! });
    const rules: EarningRules = { ...withDefaults(program?.rules), ...changes };
    if (changes.activities) rules.activities = changes.activities.map((a) => ({ key: a.key, name: a.name, points: a.points, limit: a.limit }));
    if (program) program.rules = rules;
    else ctx.em.create(PointsProgramEntity, { merchantId: ctx.merchantId!, rules });
    ctx.emit('points_program.updated', { fields: Object.keys(changes) });
    await ctx.em.flush();
    this.read.delete(ctx);
    return rules;
  }
}

/**
 * Read on the number's shortest decimal form, the one the client wrote: multiplying by 100 is
 * inexact in binary (1.1 * 100 is 110.00000000000001), so it refused values like 1.1.
 */
function hasAtMostTwoDecimals(value: number): boolean {
  return /^-?\d+(\.\d{1,2})?$/.test(String(value));
}
