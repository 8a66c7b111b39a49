import { currentFormats } from '../locale/current';
import { lineTotal, type Cents } from '../money';

/**
 * SimpleConsign Online Transactions v2: building the request body from a local sale or return,
 * and every refusal on the vendor's documented list that can be known before calling it
 * (an unknown SKU or an order number already taken can only be learnt from SimpleConsign).
 */

export type SimpleConsignType = 'SALE' | 'RETURN';

/** What the rules need of a sale or return; the sales outbox's `TransactionToDeliver` fits. */
export interface TransactionInput {
  kind: string;
  /** For a RETURN, the original sale's order number: SimpleConsign matches returns by it. */
  orderNumber: string;
  lines: { sku: string; name?: string; unitPriceCents: Cents; quantity: number; taxable: boolean }[];
  taxCents: Cents;
}

export interface TransactionItem {
  sku: string;
  price: Cents;
  quantity: number;
}

/** The v2 body without `key`: the client adds the key at send time so it never sits in stored data. */
export interface TransactionRequestBody {
  orderNumber: string;
  type: SimpleConsignType;
  nonTaxableSaleTotal: Cents;
  taxableSaleTotal: Cents;
  tax: Cents;
  items: TransactionItem[];
}

export type BuildResult = { ok: true; body: TransactionRequestBody } | { ok: false; problems: string[] };

const isCents = (n: number) => Number.isSafeInteger(n) && n >= 0;

function lineLabel(line: TransactionInput['lines'][number], index: number): string {
  const name = line.name?.trim();
  return `Line ${index + 1}${name ? ` (${name})` : ''}`;
}

/** Problems of the individual lines and fields, before any body can be built. */
function inputProblems(tx: TransactionInput): string[] {
  const problems: string[] = [];
  if (tx.kind !== 'SALE' && tx.kind !== 'RETURN') {
    problems.push(`The transaction type is "${tx.kind}"; SimpleConsign records only a SALE or a RETURN.`);
  }
  if (!tx.orderNumber.trim()) {
    problems.push('The order number is missing. SimpleConsign (Online Transactions v2) needs the order/invoice number to record a sale or a return, and to match a return to its sale.');
  }
  tx.lines.forEach((line, i) => {
    if (!line.sku.trim()) problems.push(`${lineLabel(line, i)} has no SKU: SimpleConsign records every item by its SKU.`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      problems.push(`${lineLabel(line, i)} has quantity ${line.quantity}: it must be a whole number of at least 1.`);
    }
    if (!isCents(line.unitPriceCents)) problems.push(`${lineLabel(line, i)} has a price that is not a whole number of cents, zero or more.`);
  });
  if (!isCents(tx.taxCents)) problems.push('The tax is not a whole number of cents, zero or more.');
  return problems;
}

/**
 * SimpleConsign wants ONE line per SKU with the summed quantity. Two lines of one SKU at
 * different prices cannot be merged without changing what was charged, so that is refused.
 */
export function consolidateItems(lines: TransactionInput['lines']): { items: TransactionItem[]; problems: string[] } {
  const bySku = new Map<string, { item: TransactionItem; prices: Set<Cents> }>();
  for (const line of lines) {
    const sku = line.sku.trim();
    const entry = bySku.get(sku);
    if (!entry) {
      bySku.set(sku, { item: { sku, price: line.unitPriceCents, quantity: line.quantity }, prices: new Set([line.unitPriceCents]) });
      continue;
    }
    entry.prices.add(line.unitPriceCents);
    entry.item.quantity += line.quantity;
  }
  const problems: string[] = [];
  for (const [sku, { prices }] of bySku) {
    if (prices.size < 2) continue;
    const listed = [...prices].map((c) => currentFormats().money(c)).join(' and ');
    problems.push(
      `SKU ${sku} is on several lines at different prices (${listed}). SimpleConsign takes one line per SKU with one price, so these lines cannot be combined: give them the same price, or record them as separate sales.`,
    );
  }
  return { items: [...bySku.values()].map((e) => e.item), problems };
}

/** The refusals on SimpleConsign's list that a body shows by itself, in plain words. */
export function requestProblems(body: TransactionRequestBody): string[] {
  const problems: string[] = [];
  if (body.type !== 'SALE' && body.type !== 'RETURN') problems.push(`The transaction type is "${String(body.type)}"; SimpleConsign accepts only SALE or RETURN.`);
  if (!body.orderNumber.trim()) problems.push('The order number is missing. SimpleConsign (Online Transactions v2) needs it to record a sale or a return.');
  if (body.items.some((item) => !item.sku.trim())) problems.push('An item has no SKU: SimpleConsign records every item by its SKU.');
  const taxable = body.taxableSaleTotal;
  const nonTaxable = body.nonTaxableSaleTotal;
  if (taxable === 0 && nonTaxable === 0) {
    problems.push('The taxable and non-taxable totals are both $0.00: SimpleConsign refuses a transaction with nothing to record.');
  }
  if (taxable > 0 && body.tax === 0) {
    problems.push(`The taxable items total ${currentFormats().money(taxable)} but no tax was recorded: SimpleConsign refuses that. Record the tax, or mark the items as not taxable.`);
  }
  if (taxable === 0 && body.tax > 0) {
    problems.push(`Tax of ${currentFormats().money(body.tax)} was recorded but no item is taxable: SimpleConsign refuses that. Mark the taxed items as taxable, or remove the tax.`);
  }
  const itemsTotal = body.items.reduce((sum, item) => sum + lineTotal(item.price, item.quantity), 0);
  if (body.items.length > 0 && itemsTotal !== taxable + nonTaxable) {
    problems.push(
      `The items add up to ${currentFormats().money(itemsTotal)} but the totals say ${currentFormats().money(taxable + nonTaxable)} (taxable ${currentFormats().money(taxable)} + non-taxable ${currentFormats().money(nonTaxable)}): SimpleConsign refuses a transaction whose items do not match its totals.`,
    );
  }
  return problems;
}

/** The v2 body for a sale or return, or every reason SimpleConsign would refuse it. */
export function buildTransactionRequest(tx: TransactionInput): BuildResult {
  const problems = inputProblems(tx);
  if (problems.length > 0) return { ok: false, problems };
  const { items, problems: merge } = consolidateItems(tx.lines);
  if (merge.length > 0) return { ok: false, problems: merge };
  const total = (taxable: boolean) => tx.lines.filter((l) => l.taxable === taxable).reduce((sum, l) => sum + lineTotal(l.unitPriceCents, l.quantity), 0);
  const body: TransactionRequestBody = {
    orderNumber: tx.orderNumber.trim(),
    type: tx.kind as SimpleConsignType,
    nonTaxableSaleTotal: total(false),
    taxableSaleTotal: total(true),
    tax: tx.taxCents,
    items,
  };
  const refused = requestProblems(body);
  return refused.length > 0 ? { ok: false, problems: refused } : { ok: true, body };
}

/** Every problem SimpleConsign would refuse this sale or return for; empty when it can be sent. */
export function checkTransaction(tx: TransactionInput): string[] {
  const built = buildTransactionRequest(tx);
  return built.ok ? [] : built.problems;
}
