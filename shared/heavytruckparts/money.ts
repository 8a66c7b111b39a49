import { centsToDecimal, type Cents } from '../money';

// Optional sign and dollar sign, digits with optional thousands commas, optional decimals.
const AMOUNT = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * A HeavyTruckParts amount (decimal dollars, as a JSON number or a string such as "1250.5",
 * "$1,250.00" or "12.345") to integer cents, on the digits rather than in floating point.
 * Beyond two decimals it rounds half away from zero. Empty, "N/A" and the like are null.
 */
export function dollarsToCents(value: unknown): Cents | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = (typeof value === 'number' ? numberText(value) : String(value)).trim().replace(/\s+/g, '');
  const m = AMOUNT.exec(text);
  if (!m || (m[2] === undefined && !m[3])) return null;
  const [, minus, wholeRaw = '0', frac = ''] = m;
  const whole = wholeRaw.replace(/,/g, '');
  if (whole.length > 13) return null;
  let cents = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  if (frac.length > 2 && Number(frac[2]) >= 5) cents += 1;
  return minus && cents !== 0 ? -cents : cents;
}

/** A JSON number as plain decimal digits (never exponent notation). */
function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // toFixed never uses exponents below 1e21; three places are enough to round to cents.
  return Math.abs(n) < 1e21 ? n.toFixed(3) : s;
}

/** Cents to the decimal dollars this API takes ("1250.50"), exactly. */
export function centsToDollars(cents: Cents): string {
  return centsToDecimal(cents);
}

/** Cents to a JSON number of dollars: 125050 → 1250.5. Exact, because it is parsed from the decimal string. */
export function centsToDollarNumber(cents: Cents): number {
  return Number(centsToDecimal(cents));
}
