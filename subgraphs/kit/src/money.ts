/**
 * Integer minor units of a decimal amount ("42.50" EUR → 4250, "1000.00" JPY → 1000), by the
 * currency's ISO 4217 exponent as the runtime's Intl data knows it; 2 for a code it does not know
 * or none. Computed on the digits, never through floating point. Throws on anything but a plain
 * decimal, or on digits the currency has no place for ("10.50" JPY), rather than round money.
 */
export function minorUnits(amount: string, currency: string | null): number {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(amount);
  if (!match) throw new Error(`amount '${amount}' is not a decimal`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.padEnd(exponent, '0');
  if (/[1-9]/.test(kept.slice(exponent))) throw new Error(`amount ${amount} has more decimals than ${currency ?? 'its currency'} allows`);
  const units = Number(`${whole}${kept.slice(0, exponent)}`);
  if (!Number.isSafeInteger(units)) throw new Error(`amount ${amount} is too large for minor units`);
  return sign ? -units : units;
}

const exponents = new Map<string, number>();

/** The currency's ISO 4217 exponent (2 for EUR, 0 for JPY, 3 for KWD) as the runtime's Intl data knows it; 2 for a code it does not know or none. */
export function currencyExponent(currency: string | null): number {
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return 2;
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    exponents.set(currency, exponent);
  }
  return exponent;
}

/**
 * The decimal string of integer minor units (4250 EUR → "42.50", 1000 JPY → "1000"), by the
 * currency's exponent as `minorUnits` reads it, so the two round-trip; built on the digits.
 */
export function decimalAmount(units: number, currency: string | null): string {
  if (!Number.isSafeInteger(units)) throw new Error(`${units} is not a whole number of minor units`);
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(units)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${units < 0 ? '-' : ''}${whole}${fraction}`;
}
