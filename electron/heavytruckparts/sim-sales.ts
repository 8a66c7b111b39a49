import { dollarsToCents } from '../../shared/heavytruckparts/money';
import { centsToDecimal } from '../../shared/money';
import { itemKey, type SimCatalog, type SimItem } from './sim-catalog';
import { vendorSpecs } from './sim-data';

interface DocLine {
  item: SimItem;
  quantity: number;
  priceCents: number;
  coreCents: number;
  shippingCents: number;
  taxCents: number;
}

interface Doc {
  vendorId: number;
  store: number;
  documentId: number;
  onlineTransactionId: number;
  createdAt: number;
  closeAt: number;
  approveAt: number;
  userId: string;
  po: string;
  billing: unknown;
  shipping: unknown;
  lines: DocLine[];
}

export class SaleRequestError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const pad = (n: number) => String(n).padStart(2, '0');
export const sqlTime = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const sqlDate = (ms: number) => sqlTime(ms).slice(0, 10);

function amount(v: unknown, field: string): number {
  if (v === undefined || v === null || v === '') return 0;
  const c = dollarsToCents(v);
  if (c === null || c < 0) throw new SaleRequestError(`${field} must be a decimal amount.`);
  return c;
}

interface LineError {
  item: Obj;
  error: { code: string; message: string };
}

/** Sales documents in training: created per vendor, approved after a while, then closed with a tracking number. */
export class SimSales {
  private docs: Doc[] = [];
  private nextTx = 880001;
  private nextDoc = 40001;

  constructor(
    private readonly catalog: SimCatalog,
    private readonly rand: () => number,
    private readonly now: () => number,
  ) {}

  reset(): void {
    this.docs = [];
    this.nextTx = 880001;
    this.nextDoc = 40001;
  }

  get count(): number {
    return this.docs.length;
  }

  private find(line: Obj): SimItem | LineError {
    const vendorId = String(line.vendor_id ?? '');
    const store = String(line.vendor_store ?? '');
    const inv = line.vendor_inventory_id;
    const fail = (code: string, message: string): LineError => ({ item: { vendor_id: line.vendor_id ?? null, vendor_store: line.vendor_store ?? null, vendor_inventory_id: inv ?? null }, error: { code, message } });
    if (inv === undefined || inv === null || inv === '') {
      // The deprecated way: by tag number. Tag numbers are not unique.
      const sku = typeof line.vendor_sku === 'string' ? line.vendor_sku : '';
      const same = this.catalog.items.filter((it) => String(it.vendorId) === vendorId && it.sku === sku);
      if (sku && same.length > 1) return fail('ERR_NOT_UNIQUE', `More than one item matches tag ${sku}.`);
      if (same.length === 1) return same[0];
      return fail('ERR_NOT_FOUND', 'No vendor_inventory_id was specified.');
    }
    const item = this.catalog.byKey.get(itemKey(vendorId, store, String(inv)));
    if (!item) return fail('ERR_NOT_FOUND', 'No item matches this vendor_inventory_id.');
    if (!vendorSpecs.find((v) => v.id === item.vendorId)!.sells) return fail('ERR_FORBIDDEN_VENDOR', 'This vendor has not enabled sales documents for your API user.');
    if (!item.available) return fail('ERR_NOT_AVAILABLE', 'The item is no longer available.');
    return item;
  }

  create(body: unknown): Obj {
    if (!isObj(body)) throw new SaleRequestError('The request body must be a JSON object.');
    const lines = body.line_items;
    if (!Array.isArray(lines) || lines.length === 0) throw new SaleRequestError('line_items must list at least one item.');
    if (typeof body.po_number === 'string' && body.po_number.length > 20) throw new SaleRequestError('po_number may be up to 20 characters.');
    const errors: LineError[] = [];
    const byVendor = new Map<number, DocLine[]>();
    for (const raw of lines) {
      if (!isObj(raw)) throw new SaleRequestError('Each line item must be an object.');
      const found = this.find(raw);
      if ('error' in found) {
        errors.push(found);
        continue;
      }
      const quantity = raw.quantity === undefined ? 1 : Number(raw.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) throw new SaleRequestError('quantity must be a whole number of at least 1.');
      found.available = found.quantity > quantity;
      found.quantity = Math.max(0, found.quantity - quantity);
      const line = { item: found, quantity, priceCents: amount(raw.price, 'price'), coreCents: amount(raw.core_price, 'core_price'), shippingCents: amount(raw.shipping_price, 'shipping_price'), taxCents: amount(raw.tax_price, 'tax_price') };
      byVendor.set(found.vendorId, [...(byVendor.get(found.vendorId) ?? []), line]);
    }
    const now = this.now();
    const tx = byVendor.size > 0 ? this.nextTx++ : null;
    for (const [vendorId, docLines] of byVendor) {
      this.docs.push({
        vendorId, store: docLines[0].item.store, documentId: this.nextDoc++, onlineTransactionId: tx!, createdAt: now,
        approveAt: now + 20_000 + Math.floor(this.rand() * 20_000), closeAt: now + 60_000 + Math.floor(this.rand() * 120_000),
        userId: String(body.user_id ?? ''), po: String(body.po_number ?? ''), billing: body.billing_address ?? null, shipping: body.shipping_address ?? null, lines: docLines,
      });
    }
    return { online_transaction_id: tx === null ? null : this.rand() < 0.5 ? tx : String(tx), created: sqlTime(now), errors };
  }

  private render(d: Doc, full: boolean, closedKey: string): Obj {
    const now = this.now();
    const closed = now >= d.closeAt;
    const subtotal = d.lines.reduce((n, l) => n + (l.priceCents + l.coreCents) * l.quantity, 0);
    const shipping = d.lines.reduce((n, l) => n + l.shippingCents * l.quantity, 0);
    const tax = d.lines.reduce((n, l) => n + l.taxCents * l.quantity, 0);
    const adjustments = shipping > 0 ? [{ name: 'Shipping', description: 'Freight', amount: centsToDecimal(shipping), is_taxable: false, is_subtotal_adjustment: false }] : [];
    const line = (l: DocLine) => ({
      vendor_id: l.item.vendorId, vendor_store: l.item.store, vendor_sku: l.item.sku, vendor_inventory_id: l.item.inventoryId, vendor_part_name: l.item.partType.name,
      year: l.item.year ?? '', vehicle_make: l.item.vehicleMake ?? '', vehicle_model: l.item.vehicleModel ?? '', part_manufacturer: l.item.partManufacturer ?? '', part_model: l.item.partModel ?? '',
      sales_document_lineitem_type: 'Part', description: l.item.description, vin: l.item.vin ?? '', price: centsToDecimal(l.priceCents * l.quantity), returnable: l.item.category !== 'CORE', 'days_to return': 30,
      adjustments: [], child_line_items: l.coreCents > 0 ? [{ vendor_id: l.item.vendorId, vendor_store: l.item.store, vendor_sku: `${l.item.sku}-C`, vendor_inventory_id: '', vendor_part_name: 'Core charge', sales_document_lineitem_type: 'Core', description: 'Core deposit', price: centsToDecimal(l.coreCents * l.quantity), returnable: true, 'days_to return': 90, adjustments: [] }] : [],
    });
    const doc: Obj = {
      vendor_id: d.vendorId, vendor_store: d.store, vendor_salesdocument_id: d.documentId, salesdocument_date: sqlDate(d.createdAt), document_is_void: false, [closedKey]: closed,
      date_created: sqlDate(d.createdAt), date_closed: closed ? sqlDate(d.closeAt) : '', shipping_tracking_number: closed ? `1Z999AA1${String(d.documentId).padStart(10, '0')}` : '', truck_number: '',
      online_transaction_id: d.onlineTransactionId, purchase_order_number: d.po, subtotal: centsToDecimal(subtotal), total_tax: centsToDecimal(tax), comments: '',
      adjustments: full ? adjustments : [], user_id: d.userId, billing_address: d.billing, shipping_address: d.shipping,
      vendor_status: now >= d.approveAt ? 'approved' : 'pending', customer_status: 'approved',
    };
    if (full) doc.line_items = d.lines.map(line);
    return doc;
  }

  /** `/sale/lookup` by online transaction id, or by store and document id; always with the vendor id. */
  lookup(q: URLSearchParams, full: boolean): Obj | null {
    const vendor = q.get('vendor_id');
    if (!vendor) throw new SaleRequestError('vendor_id is required.');
    const tx = q.get('online_transaction_id');
    const d = this.docs.find((x) => String(x.vendorId) === vendor && (tx ? String(x.onlineTransactionId) === tx : String(x.store) === q.get('vendor_store') && String(x.documentId) === q.get('vendor_salesdocument_id')));
    return d ? this.render(d, full, this.rand() < 0.5 ? 'document_is closed' : 'document_is_closed') : null;
  }

  list(q: URLSearchParams): Obj[] {
    const user = q.get('userid') ?? q.get('user_id');
    const vendor = q.get('vendor_id');
    const [from, to] = (q.get('date_range') ?? ',').split(',').map((s) => s.trim());
    const vs = q.get('vendor_status');
    const cs = q.get('customer_status');
    return this.docs
      .map((d) => ({ d, r: this.render(d, false, 'document_is_closed') }))
      .filter(({ d, r }) => (!user || d.userId === user) && (!vendor || String(d.vendorId) === vendor) && (!from || sqlDate(d.createdAt) >= from) && (!to || sqlDate(d.createdAt) <= to) && (!vs || r.vendor_status === vs) && (!cs || r.customer_status === cs))
      .map(({ r }) => r);
  }
}
