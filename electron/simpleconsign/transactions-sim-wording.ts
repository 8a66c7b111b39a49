import { scMessages, type ScMessageId } from '../../shared/simpleconsign/vendor-messages';
import type { SimResponse } from '../training/simulator';

/**
 * The document lists SimpleConsign's errors but says neither which HTTP status carries them nor that
 * the words never change (its inventory document words the cap differently). A varying simulator picks,
 * from a seed, the documented words or a plausible rewording, and 200 or a fitting 4xx/5xx status, so
 * the client cannot pass its tests by agreeing with one guess.
 */
export const scRewordings: Record<ScMessageId, string[]> = {
  invalidKey: ['Invalid API key', 'The API key is invalid.'],
  tooMany: ['You have made too many API requests in the last ten minutes', 'Too many API requests in the last 10 minutes. Please wait and try again.'],
  pricePlan: ["This location's price plan is not authorized for API access.", 'Price plan not authorized for API access'],
  unknownSku: ['Could not find item with SKU: {sku}', 'Unable to find an item with SKU {sku}'],
  zeroTotals: ['taxableSaleTotal and nonTaxableSaleTotal are both $0.00'],
  missingSku: ['Transaction item is missing a SKU.', 'Item is missing its SKU'],
  totalsMismatch: ['The total of items price does not match the transaction sub total.'],
  taxableNoTax: ['taxableSaleTotal is greater than zero, but no tax was collected.'],
  taxNoTaxable: ['taxableSaleTotal is zero, but tax was collected.'],
  badType: ["Transaction type must be either 'SALE' or 'RETURN'."],
  missingOrderNumber: ['A unique order/invoice number (orderNumber) from the remote service must be provided.'],
  missingType: ['The type of transaction (SALE or RETURN) must be provided for an orderNumber.'],
  saleExists: ['An online SALE transaction already exists for the provided orderNumber.', 'Order number {order} already exists'],
  noOriginalSale: ['Could not find original online SALE transaction for the provided orderNumber to be returned.', 'Unable to locate the original online sale for this orderNumber'],
};

const fittingStatus: Record<ScMessageId, number[]> = {
  invalidKey: [401, 403],
  tooMany: [429, 503],
  pricePlan: [403, 402],
  unknownSku: [404, 422],
  saleExists: [409, 422],
  noOriginalSale: [404, 422],
  zeroTotals: [422],
  missingSku: [422],
  totalsMismatch: [422],
  taxableNoTax: [422],
  taxNoTaxable: [422],
  badType: [422],
  missingOrderNumber: [422],
  missingType: [422],
};

export interface RefusalDetail {
  sku?: string;
  order?: string;
}

const pick = <T>(list: T[], random: () => number): T => list[Math.floor(random() * list.length) % list.length];

/** A documented refusal: exact and with 200 when `random` is absent, else a seeded wording and status. */
export function scRefusal(id: ScMessageId, random: (() => number) | undefined, detail: RefusalDetail = {}): SimResponse {
  if (!random) return { status: 200, body: { success: false, error: scMessages[id] } };
  const words = pick([scMessages[id], ...scRewordings[id]], random)
    .replace('{sku}', detail.sku ?? '')
    .replace('{order}', detail.order ?? '')
    .trim();
  const status = pick([200, 400, ...fittingStatus[id]], random);
  const headers: Record<string, string> | undefined = id === 'tooMany' && status === 429 ? { 'Retry-After': '600' } : undefined;
  return { status, body: { success: false, error: words }, headers };
}
