import { describe, expect, it } from '@jest/globals';
import { apiLocale, customerName, emailFilter, tierProgressPercent } from '../../../clients/dashboard/src/pages/customers/customer-format.js';
import { FIRST_PAGE, hasPreviousPage, nextPage, pageNumber, previousPage } from '../../../clients/dashboard/src/pages/customers/cursor-pages.js';
import { MAX_POINTS, parseAdjustment } from '../../../clients/dashboard/src/pages/customers/points-adjustment.js';

describe('cursor pages', () => {
  it('goes forward with each end cursor and back through the cursors it kept', () => {
    const second = nextPage(FIRST_PAGE, 'c1');
    const third = nextPage(second, 'c2');
    expect(third).toEqual({ earlier: [null, 'c1'], after: 'c2' });
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(FIRST_PAGE);
    expect(hasPreviousPage(second)).toBe(true);
  });

  it('stays on the first page going back', () => {
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
    expect(hasPreviousPage(FIRST_PAGE)).toBe(false);
    expect(pageNumber(FIRST_PAGE)).toBe(1);
  });
});

describe('parseAdjustment', () => {
  it('reads a whole number of points and a trimmed reason', () => {
    expect(parseAdjustment({ amount: ' 250 ', reason: '  Goodwill ' })).toEqual({ ok: true, points: 250, reason: 'Goodwill' });
    expect(parseAdjustment({ amount: String(MAX_POINTS), reason: 'r' })).toEqual({ ok: true, points: MAX_POINTS, reason: 'r' });
  });

  it.each([
    ['', 'amountRequired'],
    ['   ', 'amountRequired'],
    ['1.5', 'amountWhole'],
    ['-3', 'amountWhole'],
    ['1e3', 'amountWhole'],
    ['ten', 'amountWhole'],
    ['0', 'amountRange'],
    [String(MAX_POINTS + 1), 'amountRange'],
  ])('refuses the amount %p as %s', (amount, problem) => {
    expect(parseAdjustment({ amount, reason: 'why' })).toEqual({ ok: false, problems: { points: problem } });
  });

  it('refuses a missing or too long reason, with the amount’s problem too', () => {
    expect(parseAdjustment({ amount: '', reason: ' ' })).toEqual({ ok: false, problems: { points: 'amountRequired', reason: 'reasonRequired' } });
    expect(parseAdjustment({ amount: '5', reason: 'x'.repeat(256) })).toEqual({ ok: false, problems: { reason: 'reasonTooLong' } });
    expect(parseAdjustment({ amount: '5', reason: 'x'.repeat(255) }).ok).toBe(true);
  });
});

describe('customer format', () => {
  it('names a customer by name, else email, else nothing', () => {
    expect(customerName({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })).toBe('Ada Lovelace');
    expect(customerName({ firstName: 'Ada', lastName: null, email: 'ada@example.com' })).toBe('Ada');
    expect(customerName({ firstName: ' ', lastName: null, email: 'ada@example.com' })).toBe('ada@example.com');
    expect(customerName({ firstName: null, lastName: null, email: null })).toBeNull();
  });

  it('measures progress to the next tier as a percentage', () => {
    expect(tierProgressPercent(250, 750)).toBe(25);
    expect(tierProgressPercent(0, 100)).toBe(0);
    expect(tierProgressPercent(1000, 0)).toBe(100);
    expect(tierProgressPercent(0, 0)).toBe(100);
    expect(tierProgressPercent(1200, null)).toBeNull();
  });

  it('sends no email filter for an empty box', () => {
    expect(emailFilter('  ')).toBeNull();
    expect(emailFilter(' Ada@Example.com ')).toBe('Ada@Example.com');
  });

  it('names locales as the API does', () => {
    expect(apiLocale('fr')).toBe('FR');
  });
});
