import type { SearchInput } from '../../shared/heavytruckparts/inputs';
import { isObj } from '../../shared/heavytruckparts/fields';
import { readDetail, readWholeUnitParts } from '../../shared/heavytruckparts/read-items';
import { readFunctionGroups, readMappedTypes } from '../../shared/heavytruckparts/read-lists';
import { readSearchPage } from '../../shared/heavytruckparts/read-search';
import type { ItemDetail, ItemKey, SearchPage } from '../../shared/heavytruckparts/types';
import { AppError } from '../core/app-error';
import type { HtpClient, Query } from './client';
import { onConfiguredHost, segment } from './connection';
import type { PartsPictures } from './images';
import { descriptionSanitizer } from './sanitize';

/** The query string of a search, in the document's names; defaults are left to HeavyTruckParts. */
export function searchQuery(s: SearchInput): Query {
  return {
    year_range: s.yearFrom || s.yearTo ? `${s.yearFrom},${s.yearTo}` : undefined,
    zipcode: s.zipcode,
    distance: s.zipcode && s.distance > 0 ? s.distance : undefined,
    keywords: s.keywords,
    category: s.category,
    store: s.store.replace(/\s+/g, ''),
    vendor: s.vendor.replace(/\s+/g, ''),
    userid: s.userId,
    page_number: s.page > 1 ? s.page : undefined,
    result_size: s.resultSize === 25 ? undefined : s.resultSize,
    sort_column: s.sortColumn,
    sort_order: s.sortOrder,
    show_suggested: s.showSuggested ? 'true' : undefined,
  };
}

export const searchPath = (s: Pick<SearchInput, 'partType' | 'make' | 'model'>) => `/inventory/search/${segment(s.partType, 'part type')}/${segment(s.make, 'make')}/${segment(s.model, 'model')}`;

/** Search, details, whole units, mapped types and function groups. */
export class CatalogService {
  constructor(
    private readonly client: HtpClient,
    private readonly images: PartsPictures,
  ) {}

  private seen(page: SearchPage): SearchPage {
    this.images.remember(page.hits.flatMap((h) => h.images));
    return page;
  }

  async search(s: SearchInput): Promise<SearchPage> {
    const conn = await this.client.connection();
    const body = await this.client.call(conn, searchPath(s), searchQuery(s));
    return this.seen(readSearchPage(body, { page: s.page, resultSize: s.resultSize === 'all' ? null : s.resultSize, userId: s.userId || null }));
  }

  /** A suggested part type's search: its address comes from the answer and is followed only on the configured host. */
  async searchUri(uri: string, userId: string): Promise<SearchPage> {
    const conn = await this.client.connection();
    const url = onConfiguredHost(uri, conn);
    if (!url.pathname.includes('/inventory/search/')) throw new AppError('invalid-input', 'That address is not a HeavyTruckParts search.');
    if (userId && !url.searchParams.has('userid')) url.searchParams.set('userid', userId);
    const page = Number(url.searchParams.get('page_number') ?? 1) || 1;
    const size = url.searchParams.get('result_size');
    const body = await this.client.call(conn, url);
    return this.seen(readSearchPage(body, { page, resultSize: size === 'all' ? null : Number(size ?? 25) || 25, userId: url.searchParams.get('userid') }));
  }

  async item(ref: { key?: ItemKey; uri?: string; userId: string }): Promise<ItemDetail> {
    const conn = await this.client.connection();
    let body: unknown;
    if (ref.key) {
      const { vendorId, store, inventoryId } = ref.key;
      body = await this.client.call(conn, `/inventory/details/${segment(vendorId, 'vendor id')}/${segment(store, 'store id')}/${segment(inventoryId, 'inventory id')}`, { userid: ref.userId });
    } else {
      const url = onConfiguredHost(ref.uri!, conn);
      if (!url.pathname.includes('/inventory/details/')) throw new AppError('invalid-input', 'That address is not a HeavyTruckParts item.');
      if (ref.userId) url.searchParams.set('userid', ref.userId);
      body = await this.client.call(conn, url);
    }
    // Some answers wrap the item in a one-element list.
    const obj = Array.isArray(body) ? body.find(isObj) : body;
    if (!isObj(obj)) throw new AppError('not-found', 'HeavyTruckParts sent no details for that item.');
    // Pictures inside the description are fetched by the app like the item's own.
    const inDescription: string[] = [];
    const sanitizeDescription = await descriptionSanitizer();
    const sanitize = (html: string) => {
      const safe = sanitizeDescription(html);
      inDescription.push(...safe.pictures);
      return safe.html;
    };
    const detail = readDetail(obj, sanitize, ref.userId || null);
    const key = detail.key ?? ref.key ?? null;
    this.images.remember([...detail.images, ...inDescription]);
    return { ...detail, key };
  }

  async wholeUnit(vendorId: string, store: string, vehicleId: string, userId: string) {
    const conn = await this.client.connection();
    const body = await this.client.call(conn, `/inventory/wholeunitparts/${segment(vendorId, 'vendor id')}/${segment(store, 'store id')}/${segment(vehicleId, 'whole unit id')}`, { userid: userId });
    return { parts: readWholeUnitParts(body) };
  }

  async mappedTypes(mappedType: string) {
    const conn = await this.client.connection();
    return { types: readMappedTypes(await this.client.call(conn, `/inventory/mappingtypes/${segment(mappedType, 'mapped type')}`)) };
  }

  async functionGroups(category: string, parent: string) {
    const conn = await this.client.connection();
    return { groups: readFunctionGroups(await this.client.call(conn, '/inventory/functiongroup', { category, parent })) };
  }
}
