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
