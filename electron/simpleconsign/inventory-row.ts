import { documentedFields, readItem, trimmed, type InventoryRecord } from './inventory-response';

/**
 * An item as the copy stores it: its column values in the copy's column order (sku, name,
 * description, category, brand, size, color, family_group, consignment, consignor_id, start_date,
 * expire_date, status, state, ecommerce, quantity, cost_cents, retail_cents, buyers_fee_cents,
 * current_price_cents, discount, do_not_discount, images, date_created, last_updated, extra, unreadable).
 */
export type ItemRow = (string | number | null)[];

const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
const json = (v: unknown) => JSON.stringify(v);

export function rowValues(r: InventoryRecord): ItemRow {
  return [
    r.sku, r.name, r.description, r.category, r.brand, r.size, r.color, r.familyGroup, bool(r.consignment), r.consignorId, r.startDate, r.expireDate,
    r.status, r.state, bool(r.ecommerce), r.quantity, r.costCents, r.retailCents, r.buyersFeeCents, r.currentPriceCents, r.discount, bool(r.doNotDiscount),
    json(r.images), r.dateCreated, r.lastUpdated, json(r.extra), json(r.unreadable),
  ];
}

/** Where each column sits in a row. */
export const ROW = {
  sku: 0, category: 3, consignment: 8, consignorId: 9, status: 12, state: 13, ecommerce: 14, quantity: 15, currentPrice: 19, dateCreated: 23, lastUpdated: 24,
} as const;

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A text field of the usual shape, trimmed (blank is null), or undefined when it is not the usual shape. */
function text(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return undefined;
  return trimmed(v);
}
const whole = (v: unknown): number | null | undefined => (v === undefined || v === null ? null : isWhole(v) ? v : undefined);
const flag = (v: unknown): number | null | undefined => (v === undefined || v === null ? null : v === true ? 1 : v === false ? 0 : undefined);

function imagesJson(images: unknown): string | undefined {
  if (images === undefined || images === null) return '[]';
  let names: unknown[];
  if (typeof images === 'string') names = images.split(',');
  else if (Array.isArray(images)) names = images;
  else return undefined;
  const kept: string[] = [];
  for (const n of names) {
    if (typeof n !== 'string') return undefined;
    const t = n.trim();
    if (t !== '') kept.push(t);
  }
  return JSON.stringify(kept);
}

/** Fields the document does not list, as JSON; `documented` of the object's keys are listed ones (any others are checked one by one). */
function extraJson(o: Record<string, unknown>, documented: number): string {
  const keys = Object.keys(o);
  if (keys.length === documented) return '{}';
  const extra: Record<string, unknown> = {};
  for (const key of keys) if (!documentedFields.has(key)) extra[key] = o[key];
  return JSON.stringify(extra);
}

/** How many listed fields the object has (a JSON object has a key exactly when its value is not undefined). */
function listedKeys(values: unknown[]): number {
  let n = 0;
  for (const v of values) if (v !== undefined) n++;
  return n;
}

/**
 * The row of an item of the usual shape (every listed field absent, null or of its plain JSON
 * type), built in one pass: a million items are read per load. Null for anything else, which the
 * liberal reading takes. It holds exactly what `rowValues(readItem(o))` would (a test holds them equal).
 */
export function usualRow(o: Record<string, unknown>): ItemRow | null {
  const rawSku = o.sku;
  if (typeof rawSku !== 'string' && !isWhole(rawSku)) return null;
  const sku = trimmed(String(rawSku));
  const name = text(o.name), description = text(o.description), category = text(o.category), brand = text(o.brand), size = text(o.size), color = text(o.color);
  const familyGroup = text(o.familyGroup), consignorId = text(o.consignorId), startDate = text(o.startDate), expireDate = text(o.expireDate), status = text(o.status);
  const consignment = flag(o.consignmentItem), ecommerce = flag(o.ecommerceItem), doNotDiscount = flag(o.doNotDiscount);
  const quantity = whole(o.quantity), cost = whole(o.cost), retail = whole(o.retail), buyersFee = whole(o.buyersFee), currentPrice = whole(o.currentPrice);
  const dateCreated = whole(o.dateCreated), lastUpdated = whole(o.lastUpdated);
  const state = o.state === undefined || o.state === null ? null : o.state === 'A' || o.state === 'I' ? o.state : undefined;
  const discount = o.discount === undefined || o.discount === null ? null : isFinite(o.discount) ? o.discount : undefined;
  const dicsount = o.dicsount === undefined || o.dicsount === null ? null : isFinite(o.dicsount) ? o.dicsount : undefined;
  const images = imagesJson(o.images);
  const row = [
    sku, name, description, category, brand, size, color, familyGroup, consignment, consignorId, startDate, expireDate, status, state, ecommerce,
    quantity, cost, retail, buyersFee, currentPrice, discount ?? dicsount ?? null, doNotDiscount, images, dateCreated, lastUpdated,
  ];
  if (!sku || row.includes(undefined) || discount === undefined || dicsount === undefined) return null;
  const listed = [o.sku, o.name, o.description, o.category, o.brand, o.size, o.color, o.familyGroup, o.consignmentItem, o.consignorId, o.startDate, o.expireDate,
    o.status, o.state, o.ecommerceItem, o.quantity, o.cost, o.retail, o.buyersFee, o.currentPrice, o.discount, o.dicsount, o.doNotDiscount, o.images, o.dateCreated, o.lastUpdated];
  row.push(extraJson(o, listedKeys(listed)), '{}');
  return row as ItemRow;
}

export type ReadRow = { ok: true; row: ItemRow } | { ok: false; reason: string };

/** One element of `results` → the row the copy stores, or why it cannot be kept. */
export function readRow(raw: unknown): ReadRow {
  const fast = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? usualRow(raw as Record<string, unknown>) : null;
  if (fast) return { ok: true, row: fast };
  const read = readItem(raw);
  return read.ok ? { ok: true, row: rowValues(read.record) } : read;
}

/** Elements of `results` → the rows the copy stores, and how many were not kept, by reason. */
export function readItems(raw: unknown[]): { rows: ItemRow[]; skipped: [string, number][] } {
  const rows: ItemRow[] = [];
  const skipped = new Map<string, number>();
  for (const entry of raw) {
    const read = readRow(entry);
    if (read.ok) rows.push(read.row);
    else skipped.set(read.reason, (skipped.get(read.reason) ?? 0) + 1);
  }
  return { rows, skipped: [...skipped] };
}
