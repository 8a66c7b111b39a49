import { centsToDecimal, type Cents } from '../money';
import { numberMarks, type NumberMarks } from './number-marks';

/** The store's currency and the locale its numbers and dates are written in. */
export interface FormatSettings {
  /** BCP 47, e.g. "de-DE". */
  locale: string;
  /** ISO 4217, e.g. "USD". */
  currency: string;
}

export const DEFAULT_CURRENCY = 'USD';
export const DEFAULT_LOCALE = 'en-US';

/** The app's words are English, so their plurals follow English rules whatever the number format. */
const englishPlurals = new Intl.PluralRules('en');

/** Every number, amount and date the app shows, written one way: in the store's currency and the workstation's locale. */
export interface Formats extends FormatSettings {
  marks: NumberMarks;
  /** 129900 → "$1,299.00" (en-US, USD), "1.299,00 $" (de-DE, USD). */
  money(cents: Cents): string;
  /** An amount as it is typed into a field: no currency, no thousands mark, the locale's decimal mark ("12,50"). */
  amount(cents: Cents): string;
  /** A plain decimal as typed, from its canonical text ("8.25" → "8,25"). */
  decimal(text: string): string;
  /** A rate in thousandths of a percent: 8250 → "8.25%" (en-US), "8,25 %" (de-DE). */
  percentMilli(milli: number): string;
  /** A count with thousands marks. */
  number(n: number): string;
  /** The English word for this many: plural(1, 'item', 'items') → "item". */
  plural(n: number, one: string, other: string): string;
  /** "1 item", "2 items", "1.234 items" (de-DE). */
  count(n: number, one: string, other: string): string;
  date(ms: number): string;
  dateTime(ms: number): string;
  time(ms: number): string;
  /** Text that may stand around a typed amount and means only "this currency" ("$", "US$", "USD"). */
  currencyAffixes: string[];
}

const cache = new Map<string, Formats>();

/** Whether the app can keep this currency in cents: Intl knows it and it has two decimals (USD, EUR, CAD; not JPY). */
export function isCentsCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits === 2;
  } catch {
    return false;
  }
}

/** Whether Intl knows the locale tag. */
export function isLocaleTag(tag: string): boolean {
  try {
    return tag.length > 0 && tag.length <= 35 && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function symbols(locale: string, currency: string): string[] {
  const found = new Set<string>([currency]);
  for (const display of ['symbol', 'narrowSymbol'] as const) {
    for (const l of [locale, 'en']) {
      const part = new Intl.NumberFormat(l, { style: 'currency', currency, currencyDisplay: display }).formatToParts(1).find((p) => p.type === 'currency');
      if (part) found.add(part.value);
    }
  }
  // Longest first, so "US$" is taken whole before "$".
  return [...found].sort((a, b) => b.length - a.length);
}

/** The formats for a locale and currency (kept once built). */
export function formats(settings: FormatSettings): Formats {
  const key = `${settings.locale}|${settings.currency}`;
  const known = cache.get(key);
  if (known) return known;
  const { locale, currency } = settings;
  const marks = numberMarks(locale);
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const decimal = (text: string) => text.replace('.', marks.decimal);
  const f: Formats = {
    locale: marks.locale,
    currency,
    marks,
    // Intl reads a decimal string exactly: the amount never passes through a float.
    money: (cents) => moneyFormat.format(centsToDecimal(cents) as `${number}`),
    amount: (cents) => decimal(centsToDecimal(cents)),
    decimal,
    number: (n) => numberFormat.format(n),
    // As a decimal string, so 8.25% is never 8.249999%.
    percentMilli: (milli) => percentFormat.format(`${milli < 0 ? '-' : ''}${Math.floor(Math.abs(milli) / 100000)}.${String(Math.abs(milli) % 100000).padStart(5, '0')}` as `${number}`),
    plural: (n, one, other) => (englishPlurals.select(n) === 'one' ? one : other),
    count: (n, one, other) => `${numberFormat.format(n)} ${englishPlurals.select(n) === 'one' ? one : other}`,
    date: (ms) => dateFormat.format(ms),
    dateTime: (ms) => dateTimeFormat.format(ms),
    time: (ms) => timeFormat.format(ms),
    currencyAffixes: symbols(locale, currency),
  };
  cache.set(key, f);
  return f;
}
