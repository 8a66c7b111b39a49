import type { Formats } from '../../../shared/locale/formats';
import { readMoney, readPercentMilli } from '../../../shared/locale/read-input';
import { ORDER_NUMBER_PATTERN } from '../../../shared/sales/schemas';
import { taxAt } from '../../../shared/sales/counter';
import { totalsOf, type Totals } from '../../../shared/sales/totals';
import type { useSaleDraft } from './sale-store';

type Draft = ReturnType<typeof useSaleDraft.getState>;

export interface SaleFigures {
  totals: Totals;
  /** The lines as recorded: taxable only where tax is collected. */
  lines: Draft['lines'];
  /** Taxable items, but no tax at this rate: they are recorded as non-taxable. */
  untaxed: boolean;
  rateMilli: number | null;
  tenderedCents: number | null;
  changeCents: number | null;
  /** Field → what is wrong with it, in plain words. */
  problems: Partial<Record<'taxRate' | 'tendered' | 'orderNumber' | 'lines', string>>;
}

/** Tax from the rate, totals, change due, and what stops the sale from being recorded. */
export function saleFigures(d: Pick<Draft, 'lines' | 'taxRate' | 'tendered' | 'paymentMethod' | 'orderNumber' | 'badFields'>, f: Formats): SaleFigures {
  const problems: SaleFigures['problems'] = {};
  const rate = readPercentMilli(d.taxRate, f);
  const rateMilli = rate.ok ? rate.value : null;
  if (!rate.ok) problems.taxRate = rate.problem;
  const base = totalsOf(d.lines, 0);
  const taxCents = taxAt(base.taxableCents, rateMilli ?? 0);
  // No tax collected means nothing was taxed: SimpleConsign refuses a taxable total without tax.
  const untaxed = taxCents === 0 && base.taxableCents > 0;
  const lines = untaxed ? d.lines.map((l) => ({ ...l, taxable: false })) : d.lines;
  const totals = totalsOf(lines, taxCents);
  let tenderedCents: number | null = null;
  let changeCents: number | null = null;
  if (d.paymentMethod === 'cash' && d.tendered.trim()) {
    const cash = readMoney(d.tendered, f, { what: 'cash handed over' });
    tenderedCents = cash.ok ? cash.value : null;
    if (!cash.ok) problems.tendered = cash.problem;
    else if (cash.value < totals.totalCents) problems.tendered = `The cash handed over (${f.money(cash.value)}) is less than the total (${f.money(totals.totalCents)}).`;
    else changeCents = cash.value - totals.totalCents;
  }
  const order = d.orderNumber.trim();
  if (order && !ORDER_NUMBER_PATTERN.test(order)) problems.orderNumber = 'Order numbers use letters and digits only, at most 30 (or leave it empty to have one made).';
  if (d.badFields.length > 0) problems.lines = 'A line has a price or quantity that cannot be read; correct it first.';
  return { totals, lines, untaxed, rateMilli, tenderedCents: problems.tendered ? null : tenderedCents, changeCents, problems };
}
