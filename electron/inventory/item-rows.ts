import type { SkuLookup } from '../../shared/inventory/contract';
import type { ItemDetail, ItemRow } from '../../shared/inventory/schemas';
import { imageSet, imageUrl } from '../simpleconsign/inventory-images';
import { taxableFlag } from '../simpleconsign/inventory-taxable';

/** A stored row of the copy, by column name. */
export type Row = Record<string, string | number | null>;

/** The columns a results row shows: a page of results reads these alone. */
export const listColumns = ['id', 'sku', 'name', 'category', 'brand', 'size', 'color', 'quantity', 'current_price_cents', 'consignment', 'consignor_id', 'status', 'ecommerce', 'images'] as const;

const bool = (v: string | number | null) => (v === null ? null : v === 1);
const text = (v: string | number | null) => (v === null ? null : String(v));
const num = (v: string | number | null) => (v === null ? null : Number(v));

function entries(jsonText: string | number | null): { key: string; value: string }[] {
  const obj = JSON.parse(String(jsonText ?? '{}')) as Record<string, unknown>;
  return Object.entries(obj).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

const imagesOf = (r: Row) => JSON.parse(String(r.images)) as string[];

export function toItemRow(r: Row, base: string): ItemRow {
  const images = imagesOf(r);
  return {
    sku: String(r.sku),
    name: text(r.name),
    category: text(r.category),
    brand: text(r.brand),
    size: text(r.size),
    color: text(r.color),
    quantity: num(r.quantity),
    currentPriceCents: num(r.current_price_cents),
    consignment: bool(r.consignment),
    consignorId: text(r.consignor_id),
    status: text(r.status),
    ecommerce: bool(r.ecommerce),
    thumbnailUrl: images.length > 0 ? imageUrl(base, images[0], 'thumbnail') : null,
  };
}

export function toItemDetail(r: Row, base: string): ItemDetail {
  return {
    ...toItemRow(r, base),
    description: text(r.description),
    familyGroup: text(r.family_group),
    state: text(r.state),
    startDate: text(r.start_date),
    expireDate: text(r.expire_date),
    costCents: num(r.cost_cents),
    retailCents: num(r.retail_cents),
    buyersFeeCents: num(r.buyers_fee_cents),
    discount: num(r.discount),
    doNotDiscount: bool(r.do_not_discount),
    dateCreated: num(r.date_created),
    lastUpdated: num(r.last_updated),
    images: imagesOf(r).map((name) => imageSet(base, name)),
    extra: entries(r.extra),
    unreadable: entries(r.unreadable),
  };
}

/** The sale screen's lookup. An item the copy holds no price for is not offered: selling it at $0 would be worse. */
export function toSkuLookup(r: Row, base: () => string): SkuLookup | null {
  const price = r.current_price_cents ?? r.retail_cents;
  if (price === null) return null;
  const images = imagesOf(r);
  return {
    sku: String(r.sku),
    name: text(r.name) ?? text(r.description) ?? String(r.sku),
    currentPriceCents: Number(price),
    quantity: num(r.quantity) ?? 0,
    thumbnailUrl: images.length > 0 ? imageUrl(base(), images[0], 'thumbnail') : null,
    taxable: taxableFlag(JSON.parse(String(r.extra ?? '{}')) as Record<string, unknown>),
    consignment: bool(r.consignment),
    status: text(r.status),
    expireDate: text(r.expire_date),
  };
}
