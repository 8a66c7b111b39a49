import { adjectives, categories, colors, conditions, imageTypes, locations, statuses, type CategorySpec } from './inventory-sim-data';

/**
 * Deterministic item attributes: everything that never changes is derived from (seed, index) on
 * demand, so a 200,000-item store costs a few megabytes rather than a few hundred.
 */

/** A 32-bit integer hash (splitmix-style finalizer). */
export function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A number in [0, 1) fixed by seed, item and purpose. */
export function unit(seed: number, index: number, salt: number): number {
  return mix(seed ^ mix(Math.imul(index + 1, 0x9e3779b1) + salt)) / 4294967296;
}

export function pick<T>(list: readonly T[], r: number): T {
  return list[Math.min(list.length - 1, Math.floor(r * list.length))];
}


const SKU_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWX';

/** Six characters like SimpleConsign's ("K9L28Q"), unique per index: an odd multiplier is a bijection mod 2^30. */
export function skuFor(seed: number, index: number): string {
  let x = ((Math.imul(index, 0x2f5b7a1d) ^ (mix(seed) & 0x3fffffff)) & 0x3fffffff) >>> 0;
  let s = '';
  for (let k = 0; k < 6; k++) {
    s = SKU_ALPHABET[x & 31] + s;
    x >>>= 5;
  }
  return s;
}

const totalWeight = categories.reduce((n, c) => n + c.weight, 0);
export function categoryFor(seed: number, index: number): CategorySpec {
  let r = unit(seed, index, 1) * totalWeight;
  for (const c of categories) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return categories[categories.length - 1];
}

/** The attributes fixed at creation (name, brand, images …). */
export interface FixedItem {
  sku: string;
  category: CategorySpec;
  consignment: boolean;
  consignorId: string | null;
  name: string;
  description: string;
  brand: string | null;
  size: string | null;
  color: string;
  familyGroup: string | null;
  images: string[];
  imagesAsText: boolean;
  /** Sent like the document's second sample: only the basic fields. */
  sparse: boolean;
  /** Uses the document sample's spelling `dicsount`. */
  typoDiscount: boolean;
  buyersFee: number;
  doNotDiscount: boolean;
  extras: Record<string, unknown>;
}

export function consignorCount(items: number): number {
  return Math.max(20, Math.round(items / 40));
}

function imagesFor(seed: number, index: number, sku: string): string[] {
  if (unit(seed, index, 20) < 0.35) return [];
  const n = 1 + Math.floor(unit(seed, index, 21) * 4);
  return Array.from({ length: n }, (_, k) => `${sku.toLowerCase()}-${k + 1}.${pick(imageTypes, unit(seed, index, 30 + k))}`);
}

export function fixedItem(seed: number, index: number, consignors: number): FixedItem {
  const r = (salt: number) => unit(seed, index, salt);
  const sku = skuFor(seed, index);
  const category = categoryFor(seed, index);
  const consignment = r(2) < 0.65;
  const color = pick(colors, r(3));
  const noun = pick(category.nouns, r(4));
  const sparse = !consignment && r(12) < 0.1;
  const extras: Record<string, unknown> = {};
  if (r(13) < 0.5) extras.weight = Math.round(r(14) * 200) / 10;
  if (r(15) < 0.4) extras.dimensions = `${4 + Math.floor(r(16) * 30)} x ${2 + Math.floor(r(17) * 20)} x ${1 + Math.floor(r(18) * 10)} in`;
  if (r(19) < 0.3) extras.location = pick(locations, r(22));
  // Not in the document, but some stores send a taxable flag; spelled the ways stores spell it.
  if (r(27) < 0.6) {
    const taxed = r(28) < 0.75;
    const form = Math.floor(r(29) * 3);
    if (form === 0) extras.taxable = taxed;
    else if (form === 1) extras.taxable = taxed ? 'Y' : 'N';
    else extras.taxExempt = !taxed;
  }
  return {
    sku,
    category,
    consignment,
    consignorId: consignment ? String(100000 + Math.floor(r(5) * consignors)) : null,
    name: `${pick(adjectives, r(6))} ${noun}`,
    description: `${color} ${noun.toLowerCase()}, ${pick(conditions, r(7))}`,
    brand: pick(category.brands, r(8)),
    size: category.sizes.length > 0 ? pick(category.sizes, r(9)) : null,
    color,
    familyGroup: category.families ? pick(category.families, r(10)) : null,
    images: imagesFor(seed, index, sku),
    imagesAsText: r(11) < 0.5,
    sparse,
    typoDiscount: r(23) < 0.04,
    buyersFee: r(24) < 0.15 ? 100 * (1 + Math.floor(r(25) * 5)) : 0,
    doNotDiscount: r(26) < 0.1,
    extras,
  };
}

/** The fields that change over time, held in the store's arrays. */
export interface LiveState {
  quantity: number;
  retail: number;
  discount: number;
  status: number;
  inactive: boolean;
  ecommerce: boolean;
  created: number;
  updated: number;
}

const DAY = 86_400_000;
function usDate(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** One entry of `results`, shaped like the document's samples (plus the fields stores also send). */
export function itemJson(f: FixedItem, s: LiveState): Record<string, unknown> {
  const discount = f.doNotDiscount ? 0 : s.discount;
  const currentPrice = s.retail - Math.round((s.retail * discount) / 100);
  const cost = f.consignment ? 0 : Math.round(s.retail * 0.45);
  const item: Record<string, unknown> = {
    consignmentItem: f.consignment,
    consignorId: f.consignorId,
    startDate: f.consignment ? usDate(s.created) : null,
    expireDate: f.consignment ? usDate(s.created + 90 * DAY) : null,
    status: statuses[s.status],
    sku: f.sku,
    name: f.name,
    category: f.category.name,
    quantity: s.quantity,
    cost,
    retail: s.retail,
    buyersFee: f.buyersFee,
    [f.typoDiscount ? 'dicsount' : 'discount']: discount,
    currentPrice,
    dateCreated: s.created,
    lastUpdated: s.updated,
    state: s.inactive ? 'I' : 'A',
    ecommerceItem: s.ecommerce,
  };
  if (!f.sparse) {
    Object.assign(item, { description: f.description, doNotDiscount: f.doNotDiscount, familyGroup: f.familyGroup, brand: f.brand, size: f.size, color: f.color });
    item.images = f.imagesAsText ? f.images.join(',') : f.images;
  }
  return Object.assign(item, f.extras);
}
