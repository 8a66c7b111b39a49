import { lineTotal, type Cents } from '../money';

export interface PricedLine {
  unitPriceCents: Cents;
  quantity: number;
  taxable: boolean;
}

export interface Totals {
  nonTaxableCents: Cents;
  taxableCents: Cents;
  taxCents: Cents;
  totalCents: Cents;
}

/** The split both vendors need: SimpleConsign takes taxable and non-taxable subtotals apart from the tax. */
export function totalsOf(lines: readonly PricedLine[], taxCents: Cents): Totals {
  let nonTaxableCents = 0;
  let taxableCents = 0;
  for (const l of lines) {
    const amount = lineTotal(l.unitPriceCents, l.quantity);
    if (l.taxable) taxableCents += amount;
    else nonTaxableCents += amount;
  }
  return { nonTaxableCents, taxableCents, taxCents, totalCents: nonTaxableCents + taxableCents + taxCents };
}

/**
 * The tax to refund with a return: the sale's tax in proportion to the taxable amount returned, rounded half
 * up to the cent, never more than the tax not yet refunded. BigInt keeps the product exact for any amount.
 */
export function proportionalTax(saleTaxableCents: Cents, saleTaxCents: Cents, returnedTaxableCents: Cents, refundableTaxCents: Cents): Cents {
  if (saleTaxableCents <= 0 || returnedTaxableCents <= 0) return 0;
  const num = BigInt(saleTaxCents) * BigInt(returnedTaxableCents) * 2n + BigInt(saleTaxableCents);
  const share = Number(num / (BigInt(saleTaxableCents) * 2n));
  return Math.min(share, Math.max(0, refundableTaxCents));
}
