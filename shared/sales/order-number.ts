/** No 0/O or 1/I, so a number read aloud or copied by hand lands on the same sale. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A readable order number: "S", the local date (YYMMDD) and five random characters, e.g. "S260314K7QX2".
 * `randomIndex(n)` answers a whole number below n; the caller supplies a good source of randomness.
 */
export function generateOrderNumber(date: Date, randomIndex: (n: number) => number): string {
  const yy = String(date.getFullYear() % 100).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  let tail = '';
  for (let i = 0; i < 5; i++) tail += ALPHABET[randomIndex(ALPHABET.length)];
  return `S${yy}${mm}${dd}${tail}`;
}

/** Digits of the counter in a store order number; more when a workstation passes a million sales. */
const COUNTER_DIGITS = 6;

/**
 * An order number of a workstation in a store: "S", the prefix the store server gave the workstation and
 * its own counter, e.g. "S03000123". Letters and digits only, as order numbers are everywhere in the app.
 */
export function storeOrderNumber(prefix: string, counter: number): string {
  return `S${prefix}${String(counter).padStart(COUNTER_DIGITS, '0')}`;
}

/** The counter of a store order number with this prefix, or null when it is not one. */
export function storeOrderCounter(prefix: string, orderNumber: string): number | null {
  const head = `S${prefix}`;
  if (!orderNumber.toUpperCase().startsWith(head)) return null;
  const rest = orderNumber.slice(head.length);
  return rest.length >= COUNTER_DIGITS && /^\d+$/.test(rest) ? Number(rest) : null;
}
