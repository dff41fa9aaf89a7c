import { createContext, useContext, useMemo, type ReactNode } from 'react';

/** The dashboard's languages: the merchant's primary locale picks one. */
export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A page's strings in every language. English is the source; Spanish and French must carry the
 * same keys, which the type enforces, so no string is ever missing at run time. A message may hold
 * `{name}` placeholders, filled by `format`.
 */
export type Messages<K extends string> = { en: Record<K, string> } & Record<Exclude<Locale, 'en'>, Record<K, string>>;

export function defineMessages<K extends string>(messages: { en: Record<K, string>; es: Record<K, string>; fr: Record<K, string> }): Messages<K> {
  return messages;
}

/** The API's `LocaleCode` (EN, ES, FR) as a dashboard locale; anything else reads as English. */
export function localeOf(code: string | null | undefined): Locale {
  const lower = (code ?? '').toLowerCase();
  return (LOCALES as readonly string[]).includes(lower) ? (lower as Locale) : 'en';
}

/** Fills `{name}` placeholders; a placeholder with no value is left as written, to be seen and fixed. */
export function format(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface Formatters {
  locale: Locale;
  /** The shop's currency, for amounts the API gives as decimal strings in it. */
  currency: string;
  number(value: number): string;
  /** A decimal string in `currency` (e.g. "12.50") as the merchant reads money. */
  money(amount: string | number, currency?: string): string;
  percent(ratio: number): string;
  dateTime(iso: string): string;
  date(iso: string): string;
}

export function formatters(locale: Locale, currency: string, timeZone?: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    currency,
    number: (value) => numberFormat.format(value),
    money: (amount, inCurrency = currency) => {
      let money = moneyFormats.get(inCurrency);
      if (!money) moneyFormats.set(inCurrency, (money = new Intl.NumberFormat(locale, { style: 'currency', currency: inCurrency })));
      return money.format(Number(amount));
    },
    percent: (ratio) => percentFormat.format(ratio),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
  };
}

const FormattersContext = createContext<Formatters>(formatters('en', 'USD'));

export function I18nProvider({ locale, currency, timeZone, children }: { locale: Locale; currency: string; timeZone?: string; children: ReactNode }) {
  const value = useMemo(() => formatters(locale, currency, timeZone), [locale, currency, timeZone]);
  return <FormattersContext.Provider value={value}>{children}</FormattersContext.Provider>;
}

/** Number, money and date formatting in the merchant's locale, currency and time zone. */
export function useFormat(): Formatters {
  return useContext(FormattersContext);
}

/** A page's strings in the merchant's language, and `format` for placeholders. */
export function useMessages<K extends string>(messages: Messages<K>): Record<K, string> {
  return messages[useContext(FormattersContext).locale];
}
