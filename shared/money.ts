/**
 * Money is integer cents everywhere inside the app. These are the only conversions, done on
 * digits rather than floating point so that "19.99" is always 1999.
 */
export type Cents = number;

const DOLLARS = /^\s*(-)?\$?\s*(\d{1,12})(?:\.(\d{0,2}))?\s*$/;

/** Parses what a person types ("12", "12.5", "$1,299.00") into cents; null when it is not an amount. */
export function parseDollars(text: string): Cents | null {
  const m = DOLLARS.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const [, minus, whole, frac = ''] = m;
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return minus ? -cents : cents;
}

/** 129900 → "1299.00"; -5 → "-0.05". */
export function centsToDecimal(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 129900 → "$1,299.00". */
export function formatDollars(cents: Cents): string {
  const [whole, frac] = centsToDecimal(Math.abs(cents)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${grouped}.${frac}`;
}

export function assertCents(value: number): asserts value is Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of cents: ${value}`);
}

/** quantity × unit price, exact for any realistic sale. */
export function lineTotal(unitCents: Cents, quantity: number): Cents {
  const total = unitCents * quantity;
  assertCents(total);
  return total;
}
