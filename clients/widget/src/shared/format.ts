/**
 * Numbers and money in the storefront's language (`data-locale`) and the shop's currency
 * (`data-currency`). Intl throws on a malformed locale or currency code; a theme may print either
 * oddly, so both fall back rather than break the widget.
 */
export interface Formats {
  number(value: number): string;
  money(amount: number | string): string;
}

export function formats(locale: string, currency: string): Formats {
  const safeLocale = (() => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en';
    } catch {
      return 'en';
    }
  })();
  const numbers = new Intl.NumberFormat(safeLocale);
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat(safeLocale, { style: 'currency', currency: currency || 'USD' });
  } catch {
    money = new Intl.NumberFormat(safeLocale, { style: 'currency', currency: 'USD' });
  }
  return {
    number: (value) => numbers.format(value),
    // The API sends amounts as decimal strings ("10.00") so that no float rounding happens on its side.
    money: (amount) => money.format(typeof amount === 'string' ? Number(amount) : amount),
  };
}
