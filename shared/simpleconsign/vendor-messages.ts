/**
 * SimpleConsign Online Transactions' error texts exactly as its documentation lists them. The
 * simulator answers with them and the client recognises them, so both read from here.
 */
export const scMessages = {
  invalidKey: 'invalid API key',
  tooMany: 'too many API requests in the last ten minutes',
  pricePlan: "this location's price plan is not authorized for API access",
  unknownSku: 'could not find item with SKU',
  zeroTotals: 'taxableSaleTotal and nonTaxableSaleTotal is $0.00',
  missingSku: 'transaction item is missing a SKU',
  totalsMismatch: 'total of items price does not match transaction sub total',
  taxableNoTax: 'taxableSaleTotal is greater than zero, but no tax was collected',
  taxNoTaxable: 'taxableSaleTotal is zero, but tax was collected',
  badType: "transaction type must be either 'SALE' or 'RETURN'",
  missingOrderNumber: 'a unique order/invoice number (orderNumber) from the remote service must be provided',
  missingType: 'the type of transaction (SALE or RETURN) must be provided for an orderNumber',
  saleExists: 'an online SALE transaction already exists for the provided orderNumber',
  noOriginalSale: 'could not find original online SALE transaction for the provided orderNumber to be returned',
} as const;

/** Whether SimpleConsign's error is this documented one; it may add detail after it (e.g. the SKU). */
export function saidError(error: string | null | undefined, message: string): boolean {
  return (error ?? '').trim().toLowerCase().startsWith(message.toLowerCase());
}
