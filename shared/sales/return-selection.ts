import { formatDollars, lineTotal, parseDollars, type Cents } from '../money';
import type { SaleDetail } from './schemas';
import { proportionalTax } from './totals';

export interface ReturnSelection {
  /** Lines with a quantity typed, other than 0. */
  chosen: { saleLineId: number; quantity: number }[];
  /** Lines asking for more than is left, or not a whole number. */
  invalid: Set<number>;
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
export function returnSelection(sale: SaleDetail, typed: Record<number, string>, taxText: string | null): ReturnSelection {
  const chosen: ReturnSelection['chosen'] = [];
  const invalid = new Set<number>();
  let taxableBack = 0;
  let itemsBack = 0;
  for (const line of sale.lines) {
    const text = (typed[line.saleLineId] ?? '').trim();
    if (text === '' || text === '0') continue;
    const quantity = Number(text);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > line.returnableQuantity) {
      invalid.add(line.saleLineId);
      continue;
    }
    chosen.push({ saleLineId: line.saleLineId, quantity });
    const amount = lineTotal(line.unitPriceCents, quantity);
    itemsBack += amount;
    if (line.taxable) taxableBack += amount;
  }
  const suggestedTaxCents = proportionalTax(sale.taxableCents, sale.taxCents, taxableBack, sale.taxRefundableCents);
  const parsed = taxText === null ? suggestedTaxCents : parseDollars(taxText);
  let taxProblem: string | null = null;
  if (parsed === null) taxProblem = 'Type the tax refunded in dollars, e.g. 1.50.';
  else if (parsed < 0) taxProblem = 'The tax refunded cannot be negative.';
  else if (parsed > sale.taxRefundableCents) taxProblem = `At most ${formatDollars(sale.taxRefundableCents)} of this sale’s tax is left to refund.`;
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
