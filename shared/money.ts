/**
 * Money is integer cents everywhere inside the app, converted on digits rather than through floating point so
 * that "19.99" is always 1999. What a person types is read in their locale by `locale/read-input.ts`; what the
 * app shows is written by `locale/formats.ts`.
 */
export type Cents = number;

/** 129900 → "1299.00"; -5 → "-0.05". */
export function centsToDecimal(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
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
