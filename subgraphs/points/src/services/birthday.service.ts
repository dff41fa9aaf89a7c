import { badInput, CustomerNotFoundError, forbidden, isUuid, Scope, type RequestContext } from '@loyalnest/kit';
import type { CustomerBirthday } from '../graphql/birthday.type.js';
import type { SetBirthdayInput } from '../graphql/birthday.input.js';
import type { CustomerDirectory } from './customer-directory.js';
import type { LedgerService } from './ledger.service.js';
import type { PointsProgramService } from './points-program.service.js';

const DAY_MS = 86_400_000;

/** A UTC calendar day. */
interface Day {
  year: number;
  month: number;
  day: number;
}

function utcDay(at: Date): Day {
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Birthdays and the birthday bonus. Dates are UTC: a merchant's shoppers live in many time zones
 * and the points store knows none of them, so the bonus arrives on the birthday as UTC counts it
 * (up to a day early or late locally). A 29 February birthday is celebrated on 28 February in
 * years without one.
 */
export class BirthdayService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
    private readonly program: PointsProgramService,
  ) {}

  /** A shopper sets their own birthday; admins and partners with `points:write` anyone's of the merchant. */
  async set(ctx: RequestContext, input: SetBirthdayInput): Promise<CustomerBirthday | CustomerNotFoundError> {
    const self = ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === input.customerId;
    if (!self && !ctx.scopes.includes(Scope.POINTS_WRITE)) throw forbidden('Missing scope: points:write');
    // 2000 was a leap year, so 29 February passes and 30 February or 31 April do not.
    if (new Date(Date.UTC(2000, input.month - 1, input.day)).getUTCMonth() !== input.month - 1) {
      throw badInput('day', `${input.day} is not a day of month ${input.month}`);
    }
    if (!isUuid(input.customerId)) return new CustomerNotFoundError(input.customerId);
    const customer = await this.customers.byId(ctx, input.customerId);
    if (!customer) return new CustomerNotFoundError(input.customerId);
    await this.ledger.openAccount(ctx, customer.customerId, customer.shopifyCustomerId);
    await ctx.em.execute('update points_account set birth_month = ?, birth_day = ?, updated_at = now() where customer_id = ?', [input.month, input.day, customer.customerId]);
    return { customerId: customer.customerId, month: input.month, day: input.day };
  }

  /**
   * Awards the merchant's birthday bonus to every customer whose birthday is today or yesterday
   * (UTC): yesterday too, so that a run that came late or was missed costs nobody their bonus.
   * Once per customer and birthday year (`birthday:<customer>:<year>`), however often it runs;
   * only while the program is on and the bonus above zero. Returns the bonuses posted.
   */
  async awardDue(ctx: RequestContext, now = new Date()): Promise<number> {
    const rules = await this.program.rules(ctx);
    if (!rules.enabled || rules.birthdayBonus <= 0) return 0;
    let awarded = 0;
    for (const today of [utcDay(new Date(now.getTime() - DAY_MS)), utcDay(now)]) {
      const alsoDay = today.month === 2 && today.day === 28 && !isLeap(today.year) ? 29 : today.day;
      const customers = await ctx.em.execute<{ customer_id: string }[]>(
        'select customer_id from points_account where birth_month = ? and birth_day in (?, ?) order by customer_id',
        [today.month, today.day, alsoDay],
      );
      for (const { customer_id } of customers) {
        const result = await this.ledger.post(ctx, {
          customerId: customer_id,
          kind: 'earn',
          source: 'birthday',
          points: rules.birthdayBonus,
          idempotencyKey: `birthday:${customer_id}:${today.year}`,
          reason: 'Birthday bonus',
          metadata: { birthday: `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}` },
        });
        if (result.outcome === 'posted') awarded += 1;
      }
    }
    return awarded;
  }
}
