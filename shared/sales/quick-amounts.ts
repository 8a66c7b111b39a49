import type { Cents } from '../money';

/** Notes a customer hands over, in cents of the currency's unit: 5, 10, 20, 50, 100. */
const NOTES = [500, 1000, 2000, 5000, 10000];

/**
 * The cash amounts a cashier reaches for after "exact": the next round note amounts above the total, fewest first,
 * at most three (a total of 12.50 gives 15, 20, 50).
 */
export function quickCashAmounts(totalCents: Cents): Cents[] {
  const above = new Set<Cents>();
  for (const note of NOTES) {
    const next = Math.ceil(totalCents / note) * note;
    if (next > totalCents) above.add(next);
  }
  return [...above].sort((a, b) => a - b).slice(0, 3);
}
