import { z } from 'zod';
import { boolOf, centsOf, extraFields, idOf, intOf, isObj, listOf, pick, textOf, type Obj } from './fields';
import { saleErrorMeaning } from './sale';

const text = z.string().nullable();
const cents = z.number().int().nullable();

export const adjustmentSchema = z.object({ name: text, description: text, amountCents: cents, taxable: z.boolean().nullable(), aboveTheLine: z.boolean().nullable() });

const lineBase = z.object({
  vendorId: text,
  store: text,
  vendorSku: text,
  inventoryId: text,
  partName: text,
  year: text,
  vehicleMake: text,
  vehicleModel: text,
  partManufacturer: text,
  partModel: text,
  lineType: text,
  description: text,
  vin: text,
  priceCents: cents,
  returnable: z.boolean().nullable(),
  daysToReturn: z.number().int().nullable(),
  adjustments: z.array(adjustmentSchema),
});
export const docLineSchema = lineBase.extend({ children: z.array(lineBase) });
export type DocLine = z.infer<typeof docLineSchema>;

export const docAddressSchema = z.object({ contact: text, company: text, email: text, street: text, mailing: text, city: text, state: text, postalCode: text, country: text, phone: text });

export const salesDocumentSchema = z.object({
  vendorId: text,
  store: text,
  documentId: text,
  saleDate: text,
  isVoid: z.boolean().nullable(),
  isClosed: z.boolean().nullable(),
  dateCreated: text,
  dateClosed: text,
  trackingNumber: text,
  truckNumber: text,
  onlineTransactionId: text,
  poNumber: text,
  subtotalCents: cents,
  totalTaxCents: cents,
  comments: text,
  userId: text,
  vendorStatus: text,
  customerStatus: text,
  billing: docAddressSchema.nullable(),
  shipping: docAddressSchema.nullable(),
  adjustments: z.array(adjustmentSchema),
  lines: z.array(docLineSchema),
  /** Fields the document does not name (the `/sale/list` fields are not documented), as they came. */
  extra: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type SalesDocument = z.infer<typeof salesDocumentSchema>;

export const lineErrorSchema = z.object({ vendorId: text, store: text, inventoryId: text, code: text, vendorMessage: text, meaning: z.string() });
export type LineError = z.infer<typeof lineErrorSchema>;

export const createAnswerSchema = z.object({ onlineTransactionId: text, created: text, errors: z.array(lineErrorSchema) });
export type CreateAnswer = z.infer<typeof createAnswerSchema>;

export function readCreateAnswer(body: unknown): CreateAnswer {
  const o: Obj = isObj(body) ? body : {};
  return {
    onlineTransactionId: textOf(pick(o, ['online_transaction_id', 'onlinetransactionid', 'transaction_id'])),
    created: textOf(pick(o, ['created', 'date_created'])),
    errors: listOf(pick(o, ['errors', 'error'])).filter(isObj).map((e) => {
      const item: Obj = isObj(pick(e, ['item'])) ? (pick(e, ['item']) as Obj) : e;
      const err: Obj = isObj(pick(e, ['error'])) ? (pick(e, ['error']) as Obj) : e;
      const code = textOf(pick(err, ['code', 'error_code']));
      return {
        vendorId: textOf(pick(item, ['vendor_id'])),
        store: textOf(pick(item, ['vendor_store', 'vendor_store_id'])),
        inventoryId: textOf(pick(item, ['vendor_inventory_id'])),
        code,
        vendorMessage: textOf(pick(err, ['message', 'error_message'])),
        meaning: saleErrorMeaning(code),
      };
    }),
  };
}

function readAdjustments(v: unknown) {
  return listOf(v).filter(isObj).map((a) => ({
    name: textOf(pick(a, ['name'])),
    description: textOf(pick(a, ['description'])),
    amountCents: centsOf(pick(a, ['amount'])),
    taxable: boolOf(pick(a, ['is_taxable'])),
    aboveTheLine: boolOf(pick(a, ['is_subtotal_adjustment'])),
  }));
}

function readLine(o: Obj) {
  const t = (names: string[]) => textOf(pick(o, names));
  return {
    vendorId: t(['vendor_id']),
    store: t(['vendor_store', 'vendor_store_id']),
    vendorSku: t(['vendor_sku']),
    inventoryId: t(['vendor_inventory_id']),
    partName: t(['vendor_part_name', 'part_name']),
    year: t(['year']),
    vehicleMake: t(['vehicle_make']),
    vehicleModel: t(['vehicle_model']),
    partManufacturer: t(['part_manufacturer']),
    partModel: t(['part_model']),
    lineType: t(['sales_document_lineitem_type', 'lineitem_type', 'type']),
    description: t(['description']),
    vin: t(['vin']),
    priceCents: centsOf(pick(o, ['price'])),
    returnable: boolOf(pick(o, ['returnable'])),
    daysToReturn: intOf(pick(o, ['days_to return', 'days_to_return'])),
    adjustments: readAdjustments(pick(o, ['adjustments'])),
  };
}

function readAddress(v: unknown) {
  if (!isObj(v)) return null;
  const t = (names: string[]) => textOf(pick(v, names));
  return { contact: t(['contact']), company: t(['company']), email: t(['email']), street: t(['street']), mailing: t(['mailing']), city: t(['city']), state: t(['state']), postalCode: t(['postal_code', 'zip']), country: t(['country']), phone: t(['phone_number', 'phone']) };
}

const docFields = [
  'vendor_id', 'vendor_store', 'vendor_salesdocument_id', 'salesdocument_date', 'document_is_void', 'document_is closed', 'date_created', 'date_closed',
  'shipping_tracking_number', 'truck_number', 'online_transaction_id', 'purchase_order_number', 'po_number', 'subtotal', 'total_tax', 'comments',
  'adjustments', 'user_id', 'userid', 'vendor_status', 'customer_status', 'billing_address', 'shipping_address', 'line_items',
];

export function readSalesDocument(o: Obj): SalesDocument {
  const t = (names: string[]) => textOf(pick(o, names));
  return {
    vendorId: t(['vendor_id']),
    store: t(['vendor_store', 'vendor_store_id']),
    documentId: t(['vendor_salesdocument_id', 'salesdocument_id', 'document_id']),
    saleDate: t(['salesdocument_date', 'sale_date']),
    isVoid: boolOf(pick(o, ['document_is_void', 'is_void'])),
    isClosed: boolOf(pick(o, ['document_is closed', 'document_is_closed', 'is_closed'])),
    dateCreated: t(['date_created']),
    dateClosed: t(['date_closed']),
    trackingNumber: t(['shipping_tracking_number', 'tracking_number']),
    truckNumber: t(['truck_number']),
    onlineTransactionId: t(['online_transaction_id']),
    poNumber: t(['purchase_order_number', 'po_number']),
    subtotalCents: centsOf(pick(o, ['subtotal'])),
    totalTaxCents: centsOf(pick(o, ['total_tax'])),
    comments: t(['comments']),
    userId: t(['user_id', 'userid']),
    vendorStatus: t(['vendor_status']),
    customerStatus: t(['customer_status']),
    billing: readAddress(pick(o, ['billing_address'])),
    shipping: readAddress(pick(o, ['shipping_address'])),
    adjustments: readAdjustments(pick(o, ['adjustments'])),
    lines: listOf(pick(o, ['line_items'])).filter(isObj).map((l) => ({ ...readLine(l), children: listOf(pick(l, ['child_line_items'])).filter(isObj).map(readLine) })),
    extra: extraFields(o, docFields),
  };
}

/** `/sale/list` answers "an object holding an array"; its key is not documented, so the first array of objects is taken. */
export function readSalesList(body: unknown): SalesDocument[] {
  const list = Array.isArray(body) ? body : isObj(body) ? (Object.values(body).find((v) => Array.isArray(v)) as unknown[] | undefined) ?? listOf(body) : [];
  return list.filter(isObj).filter((o) => idOf(pick(o, ['vendor_id'])) !== null || textOf(pick(o, ['online_transaction_id'])) !== null || textOf(pick(o, ['vendor_salesdocument_id'])) !== null).map(readSalesDocument);
}
