import { lineTotal, parseDollars, type Cents } from '../money';
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
  const taxCents = parsed !== null && parsed >= 0 ? parsed : null;
  return {
    chosen,
    invalid,
    suggestedTaxCents,
    taxCents,
    totalCents: itemsBack + (taxCents ?? 0),
    ready: chosen.length > 0 && invalid.size === 0 && taxCents !== null,
  };
}
