import { currentFormats } from '../../shared/locale/current';
import type { SaleLineRow } from './sales-repo';

export interface ReturnRequestLine {
  saleLineId: number;
  quantity: number;
}

/**
 * Why a return cannot be recorded, one line per problem; empty when it can. A line may give back at most what
 * was sold minus what earlier returns took, and the tax refunded may not exceed the tax not yet refunded.
 */
export function returnProblems(
  saleLines: SaleLineRow[],
  returned: Map<number, number>,
  request: ReturnRequestLine[],
  taxCents: number,
  refundableTaxCents: number,
): string[] {
  const byId = new Map(saleLines.map((l) => [l.id, l]));
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const r of request) {
    const line = byId.get(r.saleLineId);
    if (!line) {
      problems.push(`Line ${r.saleLineId} is not part of this sale.`);
      continue;
    }
    if (seen.has(r.saleLineId)) problems.push(`${line.sku} (line ${line.position}) is listed twice; give one quantity for it.`);
    seen.add(r.saleLineId);
    const already = returned.get(line.id) ?? 0;
    const left = line.quantity - already;
    if (r.quantity > left) {
      const earlier = already > 0 ? `, ${already} already returned` : '';
      problems.push(`${line.sku} (line ${line.position}): ${line.quantity} sold${earlier}, so at most ${left} can be returned, not ${r.quantity}.`);
    }
  }
  if (taxCents > refundableTaxCents) {
    problems.push(`The tax refunded (${currentFormats().money(taxCents)}) is more than the tax left to refund on this sale (${currentFormats().money(Math.max(0, refundableTaxCents))}).`);
  }
  return problems;
}
