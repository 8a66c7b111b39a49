/**
 * SimpleConsign Online Transactions' error texts exactly as its documentation lists them. The
 * simulator answers with them (or with rewordings, see the simulator) and the client recognises them.
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

export type ScMessageId = keyof typeof scMessages;

/**
 * How each documented error is recognised. The vendor words the same thing differently in its own
 * documents ("You have made too many API requests in the last ten minutes" in the inventory one), so
 * the match is on the words that carry the meaning, after folding case, quotes, punctuation and spaces.
 * Listed most specific first: "could not find original … SALE" must not read as an unknown SKU.
 */
const patterns: [ScMessageId, RegExp][] = [
  ['noOriginalSale', /(could ?not|couldnt|cannot|can ?not|cant|unable to|failed to|did not|didnt) (find|locate)( the| an| any)? original( online)? sale|no original( online)? sale/],
  ['saleExists', /sale( transaction)? (already exists|exists already)|already (have|has|exists)( an?)?( online)? sale|order ?number.{0,40}(already (exists|used|taken|recorded)|is not unique|must be unique)/],
  ['tooMany', /too many( api)? (requests|calls)/],
  ['invalidKey', /(invalid|bad|unknown|wrong|unrecogni[sz]ed|incorrect) api ?key|api ?key( is| was)? (invalid|not valid|not recogni[sz]ed|unknown|incorrect|wrong)/],
  ['pricePlan', /price ?plan|plan (is )?not (authori[sz]ed|allowed|enabled) for (the )?api|not authori[sz]ed for api access/],
  ['missingSku', /(item|line)( is)? missing (a |the |its )?sku|sku (is )?(missing|required)/],
  ['unknownSku', /(could ?not|couldnt|cannot|can ?not|cant|unable to|failed to|did not|didnt) (find|locate)( an| the| any)? item|no item (found )?(with|for) (the )?sku|(unknown|invalid) sku|sku (not found|does not exist|is unknown)/],
  ['zeroTotals', /taxable ?sale ?total and non ?taxable ?sale ?total (is|are|both)( both)? (\$?0(\.00)?|zero)/],
  ['totalsMismatch', /(total of (the )?items?( price)?|items? (price )?total|sum of (the )?items?).{0,30}(does not|doesnt|do not|dont|not) match/],
  ['taxableNoTax', /taxable ?sale ?total is (greater|more) than (zero|0).{0,30}no tax/],
  ['taxNoTaxable', /taxable ?sale ?total is (zero|0).{0,30}tax was collected/],
  ['badType', /(transaction )?type must be (either )?sale or return|invalid (transaction )?type/],
  ['missingType', /type( of transaction)?( \(sale or return\))? (must be provided|is required)/],
  ['missingOrderNumber', /order ?(\/ ?invoice )?number.{0,60}(must be provided|is required|is missing)|missing( an?)? order ?number/],
];

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/['‘’`´“”"]/g, '')
    .replace(/[^a-z0-9$./()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which documented error SimpleConsign's text means, however it was worded; null for anything else. */
export function classifyScError(error: string | null | undefined): ScMessageId | null {
  const text = fold(error ?? '');
  if (!text) return null;
  for (const [id, pattern] of patterns) if (pattern.test(text)) return id;
  return null;
}

/** Whether SimpleConsign's error is this documented one (reworded or with detail added, e.g. the SKU). */
export function saidError(error: string | null | undefined, message: string): boolean {
  const id = (Object.keys(scMessages) as ScMessageId[]).find((k) => scMessages[k] === message);
  return id !== undefined && classifyScError(error) === id;
}
