import { functionGroups, partTypes, pricingDiscount } from './sim-data';
import type { SimItem } from './sim-catalog';

export const SORT_COLUMNS = ['part_name', 'make_model', 'year', 'oem_number', 'vendor_sku', 'description', 'price', 'coreprice', 'condition', 'type', 'distance', 'vendor', 'date_added'];
const DEFAULT_PAGE = 25;

export interface SimQuery {
  partType: string;
  make: string;
  model: string;
  query: URLSearchParams;
  /** The store's zip per item, to measure distance. */
  zipOf: (item: SimItem) => string;
  vendorName: (item: SimItem) => string;
  /** Template of the end user (pricing), when one is given. */
  pricing: string | null;
}

export interface SimSearchResult {
  total: number;
  totalPages: number;
  page: number;
  items: SimItem[];
  suggested: { id: number; name: string }[];
}

export class SimQueryError extends Error {}

const any = (s: string) => s === '*' || s.trim() === '';
const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The user's own part type names map many-to-many: a part type name or id, a mapped type or a function group. */
export function partTypeIds(segment: string): Set<number> | null {
  if (any(segment)) return null;
  const direct = partTypes.filter((p) => eq(p.name, segment) || String(p.id) === segment).map((p) => p.id);
  const grouped = functionGroups.filter((g) => eq(g.name, segment) || g.id === segment).flatMap((g) => g.partTypes);
  return new Set([...direct, ...grouped]);
}

/** Zip codes to miles, roughly: enough to order and limit results like the real search. */
export function distanceMiles(from: string, to: string): number | null {
  const a = Number(from.slice(0, 5));
  const b = Number(to.slice(0, 5));
  if (!Number.isFinite(a) || !Number.isFinite(b) || from.trim() === '' || to.trim() === '') return null;
  return Math.round(Math.abs(a - b) / 9);
}

export function priceFor(item: SimItem, pricing: string | null): number {
  const off = pricing ? (pricingDiscount[pricing] ?? 0) : 0;
  return item.priceCents - Math.round((item.priceCents * off) / 100);
}

function yearRange(raw: string | null): [number, number] {
  if (!raw) return [0, 0];
  const [a, b] = raw.split(',').map((x) => Number(x.trim()));
  if (!Number.isInteger(a) || !Number.isInteger(b ?? 0)) throw new SimQueryError('year_range must be "first_year,last_year".');
  return [a, b ?? 0];
}

/** Keywords: every word of a group must appear; groups `(a b)|(c d)` are alternatives. */
function keywordTest(raw: string | null): (text: string) => boolean {
  if (!raw || raw.trim() === '') return () => true;
  const groups = raw.split('|').map((g) => g.replace(/[()]/g, ' ').toLowerCase().split(/\s+/).filter(Boolean)).filter((g) => g.length > 0);
  return (text) => groups.some((g) => g.every((w) => text.includes(w)));
}

const idList = (raw: string | null) => new Set((raw ?? '').split(',').map((s) => s.trim()).filter(Boolean));

function matches(q: SimQuery): (it: SimItem) => boolean {
  const types = partTypeIds(q.partType);
  const [from, to] = yearRange(q.query.get('year_range'));
  const kw = keywordTest(q.query.get('keywords'));
  const category = q.query.get('category')?.trim() ?? '';
  const stores = idList(q.query.get('store'));
  const vendors = idList(q.query.get('vendor'));
  const zip = q.query.get('zipcode')?.trim() ?? '';
  const distance = Number(q.query.get('distance') ?? 0) || 0;
  return (it) => {
    if (types && !types.has(it.partType.id)) return false;
    if (!any(q.make) && !eq(it.make, q.make)) return false;
    if (!any(q.model) && !eq(it.model, q.model)) return false;
    if ((from || to) && it.year === null) return false;
    if (from && it.year !== null && it.year < from) return false;
    if (to && it.year !== null && it.year > to) return false;
    if (category && !eq(it.category, category)) return false;
    if (stores.size && !stores.has(String(it.store))) return false;
    if (vendors.size && !vendors.has(String(it.vendorId))) return false;
    if (zip && distance > 0 && (distanceMiles(zip, q.zipOf(it)) ?? Infinity) > distance) return false;
    return kw(`${it.description} ${it.partType.name} ${it.make} ${it.model} ${it.oem} ${it.sku}`.toLowerCase());
  };
}

function sortValue(it: SimItem, column: string, q: SimQuery): string | number {
  const zip = q.query.get('zipcode') ?? '';
  switch (column) {
    case 'part_name': return it.partType.name;
    case 'make_model': return `${it.make} ${it.model}`;
    case 'year': return it.year ?? 0;
    case 'oem_number': return it.oem;
    case 'vendor_sku': return it.sku;
    case 'description': return it.description;
    case 'coreprice': return it.coreCents;
    case 'condition': return it.condition;
    case 'type': return it.category;
    case 'distance': return distanceMiles(zip, q.zipOf(it)) ?? 99999;
    case 'vendor': return q.vendorName(it);
    case 'date_added': return -it.daysAgo;
    default: return priceFor(it, q.pricing);
  }
}

/**
 * The page size asked for is honoured only for searches strict enough: up to 50 a page always;
 * beyond that (or "all") only vendor-specific searches, or ones giving part type, make, model and
 * end user, and a year range for body and vehicle parts. Otherwise the default 25.
 */
export function effectivePageSize(q: SimQuery): number | 'all' {
  const raw = q.query.get('result_size');
  if (raw === null || raw.trim() === '') return DEFAULT_PAGE;
  const asked: number | 'all' = raw.trim().toLowerCase() === 'all' ? 'all' : Number(raw);
  if (asked !== 'all' && (!Number.isInteger(asked) || asked < 1)) throw new SimQueryError('result_size must be a whole number or "all".');
  if (asked !== 'all' && asked <= 50) return asked;
  if (idList(q.query.get('vendor')).size > 0) return asked;
  const types = partTypeIds(q.partType);
  const full = types !== null && !any(q.make) && !any(q.model) && !!q.query.get('userid');
  const needsYear = types !== null && partTypes.some((p) => types.has(p.id) && p.bodyOrVehicle);
  if (full && (!needsYear || q.query.get('year_range'))) return asked;
  return DEFAULT_PAGE;
}

export function simSearch(all: SimItem[], q: SimQuery): SimSearchResult {
  const column = q.query.get('sort_column') ?? (q.query.get('zipcode') ? 'distance' : 'price');
  if (!SORT_COLUMNS.includes(column)) throw new SimQueryError(`sort_column must be one of ${SORT_COLUMNS.join(', ')}.`);
  const orderRaw = (q.query.get('sort_order') ?? 'ascending').toLowerCase();
  if (!['ascending', 'descending', 'asc', 'desc'].includes(orderRaw)) throw new SimQueryError('sort_order must be ascending or descending (asc, desc).');
  const dir = orderRaw.startsWith('desc') ? -1 : 1;
  const found = all.filter(matches(q));
  const keyed = found.map((it) => ({ it, v: sortValue(it, column, q) }));
  keyed.sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : a.it.inventoryId - b.it.inventoryId));
  const size = effectivePageSize(q);
  const per = size === 'all' ? Math.max(1, keyed.length) : size;
  const totalPages = keyed.length === 0 ? 0 : Math.ceil(keyed.length / per);
  const page = Math.max(1, Number(q.query.get('page_number') ?? 1) || 1);
  const items = keyed.slice((page - 1) * per, page * per).map((k) => k.it);
  const showSuggested = ['1', 'true'].includes((q.query.get('show_suggested') ?? '').toLowerCase()) && any(q.partType);
  const suggested = showSuggested ? [...new Map(found.map((it) => [it.partType.id, { id: it.partType.id, name: it.partType.name }])).values()] : [];
  return { total: keyed.length, totalPages, page, items, suggested };
}
