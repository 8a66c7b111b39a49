/**
 * The List and Search document gives no taxable flag, yet some stores send one among the undocumented fields.
 * Every reasonable spelling is read: `taxable`/`isTaxable` (true = taxed) and `taxExempt`/`nonTaxable`
 * (true = not taxed), as a boolean, 1/0, "true"/"false", "yes"/"no" or "Y"/"N". Null when none is given.
 */
export function taxableFlag(extra: Record<string, unknown>): boolean | null {
  const keys = Object.keys(extra);
  const find = (names: string[]) => keys.find((k) => names.includes(k.toLowerCase().replace(/[_\s-]/g, '')));
  const positive = find(['taxable', 'istaxable']);
  const negative = find(['taxexempt', 'nontaxable', 'istaxexempt']);
  const read = (v: unknown): boolean | null => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
    if (typeof v !== 'string') return null;
    const t = v.trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(t)) return true;
    if (['false', 'no', 'n', '0'].includes(t)) return false;
    return null;
  };
  const p = positive !== undefined ? read(extra[positive]) : null;
  if (p !== null) return p;
  const n = negative !== undefined ? read(extra[negative]) : null;
  return n === null ? null : !n;
}
