import type { Formats } from '../locale/formats';
import { readCount, readMoney } from '../locale/read-input';
import { lineTotal, type Cents } from '../money';
import type { SaleDetail } from './schemas';
import { proportionalTax } from './totals';

export interface ReturnSelection {
  /** Lines with a quantity typed, other than 0. */
  chosen: { saleLineId: number; quantity: number }[];
  /** Lines asking for more than is left, or not a whole number, and why. */
  invalid: Map<number, string>;
  suggestedTaxCents: Cents;
  /** The tax typed, or the suggestion when nothing was typed; null when what was typed is not an amount. */
  taxCents: Cents | null;
  totalCents: Cents;
  /** What is wrong with the tax typed, in plain words. */
  taxProblem: string | null;
  ready: boolean;
}

/**
 * What the return screen's quantities and tax add up to. The screen refuses what the service would refuse
 * (more than sold minus returned); the service checks again, since the screen is not the only caller.
 */
export function returnSelection(sale: SaleDetail, typed: Record<number, string>, taxText: string | null, f: Formats): ReturnSelection {
  const chosen: ReturnSelection['chosen'] = [];
  const invalid = new Map<number, string>();
  let taxableBack = 0;
  let itemsBack = 0;
  for (const line of sale.lines) {
    const text = (typed[line.saleLineId] ?? '').trim();
    if (text === '' || text === '0') continue;
    const read = readCount(text, f, { min: 0, max: Number.MAX_SAFE_INTEGER });
    if (!read.ok || read.value > line.returnableQuantity) {
      invalid.set(line.saleLineId, read.ok ? `At most ${f.number(line.returnableQuantity)} can be returned.` : read.problem.replace(/ from 0 to .*\.$/, '.'));
      continue;
    }
    const quantity = read.value;
    if (quantity === 0) continue;
    chosen.push({ saleLineId: line.saleLineId, quantity });
    const amount = lineTotal(line.unitPriceCents, quantity);
    itemsBack += amount;
    if (line.taxable) taxableBack += amount;
  }
  const suggestedTaxCents = proportionalTax(sale.taxableCents, sale.taxCents, taxableBack, sale.taxRefundableCents);
  const read = taxText === null ? ({ ok: true, value: suggestedTaxCents } as const) : readMoney(taxText, f, { what: 'tax refunded' });
  const parsed = read.ok ? read.value : null;
  let taxProblem: string | null = read.ok ? null : read.problem;
  if (parsed !== null && parsed > sale.taxRefundableCents) taxProblem = `At most ${f.money(sale.taxRefundableCents)} of this sale’s tax is left to refund.`;
  const taxCents = taxProblem === null ? parsed : null;
  return {
    chosen,
    invalid,
    suggestedTaxCents,
    taxCents,
    totalCents: itemsBack + (taxCents ?? 0),
    taxProblem,
    ready: chosen.length > 0 && invalid.size === 0 && taxCents !== null,
  };
}
