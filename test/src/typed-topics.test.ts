import { describe, expect, it } from '@jest/globals';
import { defineTopic, minorUnits } from '@loyalnest/kit';

describe('typed topics and minor units', () => {
  it('refuses a topic name that is not <domain>.<action>, and a version that is not a positive integer', () => {
    expect(() => defineTopic('Order.Recorded')).toThrow('Order.Recorded');
    expect(() => defineTopic('order')).toThrow('order');
    expect(() => defineTopic('order.recorded', { version: 0 })).toThrow('version');
    expect(defineTopic('order.recorded', { version: 2 })).toEqual({ name: 'order.recorded', version: 2 });
  });

  it('counts minor units by the currency, exactly, and refuses digits a currency has no place for', () => {
    expect(minorUnits('42.50', 'EUR')).toBe(4250);
    expect(minorUnits('0.1', 'USD')).toBe(10);
    expect(minorUnits('1000.00', 'JPY')).toBe(1000);
    expect(minorUnits('12.34', 'KWD')).toBe(12340);
    expect(minorUnits('19.99', null)).toBe(1999);
    expect(minorUnits('90071992547409.91', 'EUR')).toBe(9007199254740991);
    expect(() => minorUnits('10.50', 'JPY')).toThrow('JPY');
    expect(() => minorUnits('ten', 'EUR')).toThrow('ten');
  });
});
