import { assertCents, centsToDecimal, lineTotal, type Cents } from '../money';
import { isEmptyCustomer, type SaleCustomer } from '../sales/customer';

/**
 * The IFPOS v1 request body, in this one place.
 *
 * This is the app's own model. TRAX publishes the official IFPOSv1 JSON Schema at
 * https://cdn.etraxsales.com/resources/IFPOSv1-Schema.json, but its text is not available here, so
 * the field names and shapes below must be checked against it. The app validates every payload
 * against whichever schema is active (the official one once it is loaded or fetched), so a
 * difference shows up as a specific validation message before anything is sent.
 *
 * Money model, from TRAX's dealer training material:
 * - the sale amount EXCLUDES tax and delivery, so tax is never sent;
 * - returns count as credits: a modified sale is the original sale sent again, with each
 *   return as credit lines, and the sale amount becomes the net (items less credits).
 * IFPOS keeps one record per sale identifier and replaces it when the same SaleID arrives again
 * (AffectedRecords 2), which is what makes re-sending the whole picture correct.
 *
 * Amounts are decimal dollars made from integer cents by string arithmetic (`centsToDecimal`),
 * never by dividing floats: Number("12.34") serialises back to exactly 12.34 in JSON for any
 * amount up to 15 significant digits, so the number literal on the wire is the exact amount.
 */
export interface IfposLineItem {
  SKU: string;
  Description: string;
  Quantity: number;
  UnitPrice: number;
  /** Quantity × UnitPrice. */
  Amount: number;
}

export interface IfposCredit extends IfposLineItem {
  /** One return of this sale (the app's own return number). */
  CreditID: string;
  CreditDate: string;
}

/**
 * Where the sale's customer goes. TRAX's dealer pages say IFPOS takes the customer's details (a
 * salesperson then picks the imported POS customer in TRAX), but no public copy of the IFPOSv1 schema
 * names the fields. This is the one place to rename them once the official schema is loaded; the
 * bundled schema is built from it, so both change together.
 */
export const IFPOS_CUSTOMER_OBJECT = 'Customer';
export const ifposCustomerFields: Record<keyof SaleCustomer, string> = {
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
};

export interface IfposPayload {
  /** The dealer key, in the body as the document requires (also in the URL with TRAX's alternative method). */
  APIKey: string;
  ShowroomID: string;
  EmployeeID: string;
  /** The sale identifier: our order number. The same SaleID replaces the earlier record. */
  SaleID: string;
  /** When the sale was made, ISO 8601 in UTC. */
  SaleDate: string;
  /** Net sale amount: items less credits, excluding tax and delivery. */
  SaleAmount: number;
  LineItems: IfposLineItem[];
  Credits: IfposCredit[];
  /** Only when the sale names a customer; only the fields filled in. */
  [IFPOS_CUSTOMER_OBJECT]?: Record<string, string>;
}

export interface IfposLineInput {
  sku: string;
  name: string;
  unitPriceCents: Cents;
  quantity: number;
}

/** A sale with the returns recorded against it so far (the sales outbox's `sale` fits). */
export interface IfposSaleInput {
  orderNumber: string;
  recordedAt: number;
  lines: IfposLineInput[];
  returns: { transactionId: number; recordedAt: number; lines: IfposLineInput[] }[];
  customer?: SaleCustomer | null;
}

export interface IfposDealer {
  apiKey: string;
  showroomId: string;
  employeeId: string;
}

/** Cents as a JSON number whose literal is the exact decimal amount (1234 → 12.34). */
export function dollars(cents: Cents): number {
  assertCents(cents);
  if (Math.abs(cents) >= 1e15) throw new RangeError(`amount too large to send exactly: ${cents} cents`);
  return Number(centsToDecimal(cents));
}

const sumCents = (lines: IfposLineInput[]) => lines.reduce((sum, l) => sum + lineTotal(l.unitPriceCents, l.quantity), 0);

function item(line: IfposLineInput): IfposLineItem {
  return {
    SKU: line.sku.trim(),
    Description: line.name.trim(),
    Quantity: line.quantity,
    UnitPrice: dollars(line.unitPriceCents),
    Amount: dollars(lineTotal(line.unitPriceCents, line.quantity)),
  };
}

function customerOf(c: SaleCustomer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, name] of Object.entries(ifposCustomerFields) as [keyof SaleCustomer, string][]) if (c[field].trim()) out[name] = c[field].trim();
  return out;
}

/** The whole picture of one sale for IFPOS: its items, every return as credits, the net amount and the customer. */
export function buildIfposPayload(sale: IfposSaleInput, dealer: IfposDealer): IfposPayload {
  const credited = sale.returns.flatMap((r) => r.lines);
  const credits = sale.returns.flatMap((r) =>
    r.lines.map((line) => ({ CreditID: String(r.transactionId), CreditDate: new Date(r.recordedAt).toISOString(), ...item(line) })),
  );
  return {
    APIKey: dealer.apiKey,
    ShowroomID: dealer.showroomId.trim(),
    EmployeeID: dealer.employeeId.trim(),
    SaleID: sale.orderNumber.trim(),
    SaleDate: new Date(sale.recordedAt).toISOString(),
    SaleAmount: dollars(sumCents(sale.lines) - sumCents(credited)),
    LineItems: sale.lines.map(item),
    Credits: credits,
    ...(isEmptyCustomer(sale.customer) ? {} : { [IFPOS_CUSTOMER_OBJECT]: customerOf(sale.customer!) }),
  };
}

/** The payload as it goes on the wire. */
export function ifposPayloadJson(payload: IfposPayload): string {
  return JSON.stringify(payload);
}
