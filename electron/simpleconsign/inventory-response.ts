import { z } from 'zod';

/**
 * Reading SimpleConsign's List and Search Inventory answer, liberally: absent fields are absent,
 * numbers may come as strings, images as an array or a comma-separated string, the document's own
 * sample spells discount `dicsount`, and fields the document does not list are kept, never refused.
 */

/** One item as the app keeps it. Money is integer cents, times are UTC milliseconds. */
export interface InventoryRecord {
  sku: string;
  name: string | null;
  description: string | null;
  category: string | null;
  brand: string | null;
  size: string | null;
  color: string | null;
  familyGroup: string | null;
  consignment: boolean | null;
  consignorId: string | null;
  startDate: string | null;
  expireDate: string | null;
  status: string | null;
  /** "A" active or "I" inactive (marked deleted in SimpleConsign). */
  state: 'A' | 'I' | null;
  /** The store's E-commerce Item flag when it sends one (`ecommerceItem`, not in the document). */
  ecommerce: boolean | null;
  quantity: number | null;
  costCents: number | null;
  retailCents: number | null;
  buyersFeeCents: number | null;
  currentPriceCents: number | null;
  discount: number | null;
  doNotDiscount: boolean | null;
  images: string[];
  dateCreated: number | null;
  lastUpdated: number | null;
  /** Fields the document does not list, as sent. */
  extra: Record<string, unknown>;
  /** Documented fields whose value could not be read, as sent, so nothing is silently lost. */
  unreadable: Record<string, unknown>;
}

const text = z.union([z.string(), z.number(), z.boolean()]).transform((v) => {
  const s = String(v).trim();
  return s === '' ? null : s;
});
const integer = z.union([
  z.number().int().refine(Number.isSafeInteger, 'too large'),
  z.string().regex(/^\s*[-+]?\d{1,15}\s*$/, 'not a whole number').transform((s) => Number(s.trim())),
]);
const decimal = z.union([z.number().finite(), z.string().regex(/^\s*[-+]?\d+(\.\d+)?\s*%?\s*$/, 'not a number').transform((s) => Number.parseFloat(s))]);
const TRUE = /^(true|yes|y|1|t)$/i;
const FALSE = /^(false|no|n|0|f)$/i;
const flag = z.union([
  z.boolean(),
  z.literal(0).transform(() => false),
  z.literal(1).transform(() => true),
  z.string().refine((s) => TRUE.test(s.trim()) || FALSE.test(s.trim()), 'not true or false').transform((s) => TRUE.test(s.trim())),
]);
/** UTC ms; also accepts numeric strings and ISO dates. */
const millis = z.union([
  integer,
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date').transform((s) => Date.parse(s)),
]);
/** Consignment dates stay as sent ("10/03/2012"); a timestamp becomes an ISO date. */
const dateText = z.union([z.string().transform((s) => s.trim() || null), z.number().int().transform((n) => new Date(n).toISOString().slice(0, 10))]);
const imageList = z.union([
  z.array(z.union([z.string(), z.number()])).transform((a) => a.map(String)),
  z.string().transform((s) => s.split(',')),
]).transform((names) => names.map((n) => n.trim()).filter((n) => n !== ''));
const state = z
  .string()
  .refine((s) => /^(a|i|active|inactive)$/i.test(s.trim()), 'not A or I')
  .transform((s) => s.trim()[0].toUpperCase() as 'A' | 'I');

/** Documented fields (plus `state` and `ecommerceItem`) and how each is read. */
const fieldSchemas = {
  sku: text,
  name: text,
  description: text,
  category: text,
  brand: text,
  size: text,
  color: text,
  familyGroup: text,
  consignmentItem: flag,
  consignorId: text,
  startDate: dateText,
  expireDate: dateText,
  status: text,
  state,
  ecommerceItem: flag,
  quantity: integer,
  cost: integer,
  retail: integer,
  buyersFee: integer,
  currentPrice: integer,
  discount: decimal,
  dicsount: decimal,
  doNotDiscount: flag,
  images: imageList,
  dateCreated: millis,
  lastUpdated: millis,
} as const;
type FieldName = keyof typeof fieldSchemas;
type Fields = { [K in FieldName]?: z.output<(typeof fieldSchemas)[K]> | null };

/** The fields the document lists (plus `state`, `ecommerceItem` and the sample's `dicsount`); others are kept as extra. */
export const documentedFields: ReadonlySet<string> = new Set<string>(Object.keys(fieldSchemas));
const known = documentedFields;
const itemSchema = z.object(
  Object.fromEntries(Object.entries(fieldSchemas).map(([k, s]) => [k, s.nullish()])) as { [K in FieldName]: z.ZodOptional<z.ZodNullable<(typeof fieldSchemas)[K]>> },
);

/** The whole answer: items, or SimpleConsign's error. Items are read one by one later, in chunks. */
export const inventoryAnswerSchema = z.union([
  z.array(z.unknown()).transform((results) => ({ results, error: null as string | null })),
  z
    .looseObject({ results: z.array(z.unknown()).nullish(), success: z.unknown().optional(), error: z.unknown().optional(), message: z.unknown().optional(), errorMessage: z.unknown().optional() })
    .transform((b) => ({ results: b.results ?? null, error: errorText(b) }))
    .refine((b) => b.results !== null || b.error !== null, 'The answer has neither a "results" list nor an error message.'),
]);
export type InventoryAnswer = z.output<typeof inventoryAnswerSchema>;

function errorText(b: Record<string, unknown>): string | null {
  const failed = b.success === false || b.success === 'false' || !Array.isArray(b.results);
  if (!failed) return null;
  for (const key of ['error', 'errorMessage', 'message']) {
    const v = b[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') return (v as { message: string }).message;
  }
  return b.success === false || b.success === 'false' ? 'SimpleConsign reported a failure without saying why.' : null;
}

export type ReadItem = { ok: true; record: InventoryRecord } | { ok: false; reason: string };

/** The shape stores usually send: every field absent, null, or of its plain JSON type. */
export interface UsualItem {
  sku: string | number;
  name?: string | null; description?: string | null; category?: string | null; brand?: string | null; size?: string | null;
  color?: string | null; familyGroup?: string | null; consignorId?: string | null; startDate?: string | null; expireDate?: string | null;
  status?: string | null; state?: 'A' | 'I' | null;
  consignmentItem?: boolean | null; ecommerceItem?: boolean | null; doNotDiscount?: boolean | null;
  quantity?: number | null; cost?: number | null; retail?: number | null; buyersFee?: number | null; currentPrice?: number | null;
  dateCreated?: number | null; lastUpdated?: number | null; discount?: number | null; dicsount?: number | null;
  images?: string[] | string | null;
}

const USUAL_TEXT = ['name', 'description', 'category', 'brand', 'size', 'color', 'familyGroup', 'consignorId', 'startDate', 'expireDate', 'status'] as const;
const USUAL_INTEGER = ['quantity', 'cost', 'retail', 'buyersFee', 'currentPrice', 'dateCreated', 'lastUpdated'] as const;
const USUAL_FLAG = ['consignmentItem', 'ecommerceItem', 'doNotDiscount'] as const;
const absent = (v: unknown) => v === undefined || v === null;
const isWhole = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v);
const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/**
 * Whether an entry has the usual shape, checked by hand: a hundred thousand items are read on the
 * main thread between yields, and this costs a fraction of a schema's walk. Anything else goes to
 * the liberal schema, which reads the same values the same way (a test holds them equal).
 */
export function isUsual(o: Record<string, unknown>): o is Record<string, unknown> & UsualItem {
  if (typeof o.sku !== 'string' && !isWhole(o.sku)) return false;
  for (const k of USUAL_TEXT) if (!absent(o[k]) && typeof o[k] !== 'string') return false;
  for (const k of USUAL_INTEGER) if (!absent(o[k]) && !isWhole(o[k])) return false;
  for (const k of USUAL_FLAG) if (!absent(o[k]) && typeof o[k] !== 'boolean') return false;
  if (!absent(o.discount) && !isFiniteNumber(o.discount)) return false;
  if (!absent(o.dicsount) && !isFiniteNumber(o.dicsount)) return false;
  if (!absent(o.state) && o.state !== 'A' && o.state !== 'I') return false;
  const images = o.images;
  return absent(images) || typeof images === 'string' || (Array.isArray(images) && images.every((n) => typeof n === 'string'));
}

export const trimmed = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

function fromUsual(d: UsualItem): Fields {
  const names = typeof d.images === 'string' ? d.images.split(',') : (d.images ?? []);
  return {
    consignmentItem: d.consignmentItem, state: d.state, ecommerceItem: d.ecommerceItem, quantity: d.quantity, cost: d.cost, retail: d.retail,
    buyersFee: d.buyersFee, currentPrice: d.currentPrice, discount: d.discount, dicsount: d.dicsount, doNotDiscount: d.doNotDiscount,
    dateCreated: d.dateCreated, lastUpdated: d.lastUpdated,
    sku: trimmed(String(d.sku)),
    name: trimmed(d.name), description: trimmed(d.description), category: trimmed(d.category), brand: trimmed(d.brand), size: trimmed(d.size),
    color: trimmed(d.color), familyGroup: trimmed(d.familyGroup), consignorId: trimmed(d.consignorId), startDate: trimmed(d.startDate),
    expireDate: trimmed(d.expireDate), status: trimmed(d.status),
    images: names.map((n) => n.trim()).filter((n) => n !== ''),
  };
}

/** Reads the documented fields that parse, keeping the rest aside rather than failing the item. */
function readFields(raw: Record<string, unknown>): { fields: Fields; unreadable: Record<string, unknown> } {
  if (isUsual(raw)) return { fields: fromUsual(raw), unreadable: {} };
  const whole = itemSchema.safeParse(raw);
  if (whole.success) return { fields: whole.data as Fields, unreadable: {} };
  const fields: Record<string, unknown> = {};
  const unreadable: Record<string, unknown> = {};
  for (const key of Object.keys(fieldSchemas) as FieldName[]) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const one = fieldSchemas[key].safeParse(raw[key]);
    if (one.success) fields[key] = one.data;
    else unreadable[key] = raw[key];
  }
  return { fields: fields as Fields, unreadable };
}

const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** One element of `results` → a record, or why it cannot be kept (it has no SKU to key it by). */
export function readItem(raw: unknown): ReadItem {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'an entry that is not an item object' };
  const obj = raw as Record<string, unknown>;
  const { fields: f, unreadable } = readFields(obj);
  if (!f.sku) return { ok: false, reason: unreadable.sku !== undefined ? `an item whose SKU cannot be read (${JSON.stringify(unreadable.sku)})` : 'an item without a SKU' };
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) if (!known.has(key)) extra[key] = value;
  const record: InventoryRecord = {
    sku: f.sku,
    name: orNull(f.name),
    description: orNull(f.description),
    category: orNull(f.category),
    brand: orNull(f.brand),
    size: orNull(f.size),
    color: orNull(f.color),
    familyGroup: orNull(f.familyGroup),
    consignment: orNull(f.consignmentItem),
    consignorId: orNull(f.consignorId),
    startDate: orNull(f.startDate),
    expireDate: orNull(f.expireDate),
    status: orNull(f.status),
    state: orNull(f.state),
    ecommerce: orNull(f.ecommerceItem),
    quantity: orNull(f.quantity),
    costCents: orNull(f.cost),
    retailCents: orNull(f.retail),
    buyersFeeCents: orNull(f.buyersFee),
    currentPriceCents: orNull(f.currentPrice),
    discount: orNull(f.discount ?? f.dicsount),
    doNotDiscount: orNull(f.doNotDiscount),
    images: f.images ?? [],
    dateCreated: orNull(f.dateCreated),
    lastUpdated: orNull(f.lastUpdated),
    extra,
    unreadable,
  };
  return { ok: true, record };
}
