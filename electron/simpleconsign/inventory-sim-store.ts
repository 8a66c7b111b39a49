import type { SimpleConsignCatalog } from './catalog';
import { categories, statuses } from './inventory-sim-data';
import { seededRandom } from '../../shared/seeded-random';
import { consignorCount, fixedItem, itemJson, skuFor, unit, type FixedItem, type LiveState } from './inventory-sim-items';

export interface SimStoreOptions {
  seed?: number;
  /** Items at the start, active and inactive together. */
  items?: number;
  now?: () => number;
  /** Background edits per minute of clock time (price, quantity, new and deleted items). */
  changesPerMinute?: number;
  /**
   * Whether items carry the store's E-commerce flag (`ecommerceItem`), which the document does not
   * list. Unset, the seed decides, so a client cannot rely on either.
   */
  sendsEcommerceFlag?: boolean;
  /**
   * Whose clock stamps a change (`lastUpdated`, what modifiedSince compares) against the one that
   * writes the answers' Date header: the same, a till a few minutes off, or a database server well
   * behind or ahead of the web servers (this many ms). Unset, the readings seed decides.
   */
  stampOffsetMs?: number;
  /** Picks among the readings the document leaves open (the E-commerce flag, the stamping clock); the items' seed when unset. */
  readingsSeed?: number;
}

/** Where a store's change stamps come from, relative to its Date header, as the readings seed picks it. */
export function stampOffsetFor(readingsSeed: number): number {
  const r = unit(readingsSeed, 0, 902);
  const spread = unit(readingsSeed, 0, 903);
  if (r < 0.35) return 0;
  // A till a few minutes off either way: within the overlap.
  if (r < 0.6) return Math.round((spread - 0.5) * 8 * 60_000);
  // The database server's clock 11 to 20 minutes off the web servers': beyond the overlap.
  const minutes = 11 + Math.floor(spread * 10);
  return (r < 0.8 ? -1 : 1) * minutes * 60_000;
}

export interface StoreQuery {
  category?: string;
  consignorId?: string;
  ecommerceOnly: boolean;
  includeZero: boolean;
  includeInactive: boolean;
  modifiedSince?: number;
}

export interface TickResult {
  updated: string[];
  added: string[];
  inactivated: string[];
}

const DAY = 86_400_000;
const MAX_CATCH_UP = 20_000;

/**
 * The simulated store's items. Fixed attributes are derived from the seed; what changes over time
 * (quantity, price, status, state, e-commerce flag, timestamps) lives in typed arrays.
 */
export class SimInventoryStore implements SimpleConsignCatalog {
  readonly seed: number;
  private readonly initialItems: number;
  private readonly now: () => number;
  readonly changesPerMinute: number;
  private count = 0;
  private quantity = new Int32Array(0);
  private retail = new Int32Array(0);
  private discount = new Uint8Array(0);
  private status = new Uint8Array(0);
  private inactive = new Uint8Array(0);
  private ecommerce = new Uint8Array(0);
  private created = new Float64Array(0);
  private updated = new Float64Array(0);
  private skuIndex = new Map<string, number>();
  private random: () => number = Math.random;
  private lastDriftAt = 0;
  private consignors = 20;
  /** The store's starting moment: reset() rebuilds exactly the same items and timestamps. */
  private readonly epoch: number;
  /** Whether items carry `ecommerceItem`; a bench may switch it to measure both kinds of store. */
  sendsEcommerceFlag: boolean;
  readonly stampOffsetMs: number;
  /** Items moved to another category since the start. */
  private moved = new Map<number, string>();

  constructor(opts: SimStoreOptions = {}) {
    this.seed = opts.seed ?? 20240611;
    this.initialItems = Math.max(0, Math.floor(opts.items ?? 3000));
    this.now = opts.now ?? Date.now;
    this.changesPerMinute = opts.changesPerMinute ?? Math.max(1, Math.round(this.initialItems / 1000));
    this.epoch = this.now();
    const readings = opts.readingsSeed ?? this.seed;
    this.sendsEcommerceFlag = opts.sendsEcommerceFlag ?? unit(readings, 0, 901) < 0.5;
    this.stampOffsetMs = opts.stampOffsetMs ?? stampOffsetFor(readings);
    this.reset();
  }

  /** Back to the seed's starting store. */
  reset(): void {
    const n = this.initialItems;
    this.count = 0;
    this.grow(n);
    this.skuIndex = new Map();
    this.moved = new Map();
    this.random = seededRandom(this.seed + 1);
    this.consignors = consignorCount(n);
    for (let i = 0; i < n; i++) this.create(i, this.epoch, true);
    this.count = n;
    // Edits resume from now; the time spent before the reset is not replayed.
    this.lastDriftAt = this.now();
  }

  get size(): number {
    return this.count;
  }

  categoryNames(): string[] {
    return categories.map((c) => c.name);
  }

  hasCategory(name: string): boolean {
    return categories.some((c) => c.name.toLowerCase() === name.trim().toLowerCase());
  }

  private grow(min: number): void {
    if (this.quantity.length >= min) return;
    const cap = Math.max(min, Math.ceil(this.quantity.length * 1.5), 64);
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.quantity = copy(this.quantity, (c) => new Int32Array(c));
    this.retail = copy(this.retail, (c) => new Int32Array(c));
    this.discount = copy(this.discount, (c) => new Uint8Array(c));
    this.status = copy(this.status, (c) => new Uint8Array(c));
    this.inactive = copy(this.inactive, (c) => new Uint8Array(c));
    this.ecommerce = copy(this.ecommerce, (c) => new Uint8Array(c));
    this.created = copy(this.created, (c) => new Float64Array(c));
    this.updated = copy(this.updated, (c) => new Float64Array(c));
  }

  /** Sets an item's changing fields: the seed decides them at the start; new items arrive "now". */
  private create(i: number, now: number, initial: boolean): void {
    const r = (salt: number) => unit(this.seed, i, 100 + salt);
    const f = this.fixed(i);
    const [lo, hi] = f.category.priceRange;
    const retail = Math.round((lo + r(1) * (hi - lo)) / 100) * 100 - (r(2) < 0.4 ? 1 : 0);
    this.retail[i] = Math.max(99, retail);
    this.quantity[i] = r(3) < 0.06 ? 0 : f.consignment ? 1 : 1 + Math.floor(r(4) * 12);
    this.discount[i] = r(5) < 0.7 ? 0 : [10, 20, 25, 50][Math.floor(r(6) * 4)];
    this.status[i] = r(7) < 0.88 ? 0 : 1 + Math.floor(r(8) * (statuses.length - 1));
    this.inactive[i] = initial && r(9) < 0.04 ? 1 : 0;
    this.ecommerce[i] = r(10) < 0.3 || (f.images.length > 0 && r(11) < 0.3) ? 1 : 0;
    const created = initial ? now - Math.floor(r(12) * 730 * DAY) - DAY : now;
    this.created[i] = created;
    this.updated[i] = initial ? created + Math.floor(r(13) * (now - created)) : now;
    this.skuIndex.set(f.sku, i);
  }

  fixed(i: number): FixedItem {
    return fixedItem(this.seed, i, this.consignors);
  }

  private live(i: number): LiveState {
    return {
      quantity: this.quantity[i],
      retail: this.retail[i],
      discount: this.discount[i],
      status: this.status[i],
      inactive: this.inactive[i] === 1,
      ecommerce: this.ecommerce[i] === 1,
      created: this.created[i],
      updated: this.updated[i],
    };
  }

  indexOf(sku: string): number | undefined {
    return this.skuIndex.get(sku.trim().toUpperCase());
  }

  /** The item as the API would send it, or undefined for an unknown SKU. */
  item(sku: string): Record<string, unknown> | undefined {
    const i = this.indexOf(sku);
    return i === undefined ? undefined : this.json(i, this.withCategory(i));
  }

  /** The fixed attributes, with the category it was moved to, if any. */
  private withCategory(i: number): FixedItem {
    const f = this.fixed(i);
    const moved = this.moved.get(i);
    return moved === undefined ? f : { ...f, category: { ...f.category, name: moved } };
  }

  private json(i: number, f: FixedItem): Record<string, unknown> {
    const out = itemJson(f, this.live(i));
    if (!this.sendsEcommerceFlag) delete out.ecommerceItem;
    return out;
  }

  /** When a change made now is stamped: the server's time or a till's. */
  private stamp(): number {
    return this.now() + this.stampOffsetMs;
  }

  /** Staff move an item to another category. */
  moveToCategory(sku: string, category: string): void {
    this.catchUp();
    const i = this.indexOf(sku);
    if (i === undefined) return;
    this.moved.set(i, category);
    this.updated[i] = this.stamp();
  }

  /** Staff flag or unflag an item as an E-commerce item. */
  setEcommerce(sku: string, on: boolean): void {
    this.catchUp();
    const i = this.indexOf(sku);
    if (i === undefined) return;
    this.ecommerce[i] = on ? 1 : 0;
    this.updated[i] = this.stamp();
  }

  hasSku(sku: string): boolean {
    const i = this.indexOf(sku);
    return i !== undefined && this.inactive[i] === 0;
  }

  adjustQuantity(sku: string, delta: number): void {
    this.catchUp();
    const i = this.indexOf(sku);
    if (i === undefined || !Number.isFinite(delta)) return;
    this.quantity[i] = Math.max(0, this.quantity[i] + Math.trunc(delta));
    this.updated[i] = this.stamp();
  }

  /** Whether an image name belongs to an item (the image simulator serves only those). */
  hasImage(name: string): boolean {
    const i = this.indexOf(name.split('-')[0]);
    return i !== undefined && this.fixed(i).images.includes(name);
  }

  /** Items matching the request's options, in SKU order of creation. */
  query(q: StoreQuery): Record<string, unknown>[] {
    this.catchUp();
    const out: Record<string, unknown>[] = [];
    const category = q.category?.trim().toLowerCase();
    for (let i = 0; i < this.count; i++) {
      if (this.inactive[i] === 1 && !q.includeInactive) continue;
      if (this.quantity[i] === 0 && !q.includeZero) continue;
      if (q.ecommerceOnly && this.ecommerce[i] === 0) continue;
      if (q.modifiedSince !== undefined && this.updated[i] < q.modifiedSince) continue;
      const f = this.withCategory(i);
      if (category && f.category.name.toLowerCase() !== category) continue;
      if (q.consignorId && f.consignorId !== q.consignorId) continue;
      out.push(this.json(i, f));
    }
    return out;
  }

  /** Applies the edits the store's staff would have made since the last look, at the clock's pace. */
  catchUp(): void {
    const now = this.now();
    const perMs = this.changesPerMinute / 60_000;
    const due = Math.floor((now - this.lastDriftAt) * perMs);
    if (due <= 0) return;
    this.tick(Math.min(due, MAX_CATCH_UP));
    this.lastDriftAt += due / perMs;
  }

  /**
   * Makes `changes` edits now: price and quantity changes, status changes, new items and deletions.
   * `keepActive`: edits and new items only, none taken out of sale (a trial that sells from the store meanwhile).
   */
  tick(changes = 1, { keepActive = false } = {}): TickResult {
    const result: TickResult = { updated: [], added: [], inactivated: [] };
    const now = this.stamp();
    for (let k = 0; k < changes; k++) {
      const roll = this.random();
      if (roll < 0.15 || this.count === 0) {
        const i = this.count;
        this.grow(i + 1);
        this.create(i, now, false);
        this.count += 1;
        result.added.push(skuFor(this.seed, i));
        continue;
      }
      const i = this.activeIndex();
      if (i === undefined) continue;
      if (roll < 0.25 && !keepActive) {
        this.inactive[i] = 1;
        result.inactivated.push(skuFor(this.seed, i));
      } else {
        this.edit(i, roll);
        result.updated.push(skuFor(this.seed, i));
      }
      this.updated[i] = now;
    }
    return result;
  }

  private activeIndex(): number | undefined {
    for (let tries = 0; tries < 20; tries++) {
      const i = Math.floor(this.random() * this.count);
      if (this.inactive[i] === 0) return i;
    }
    return undefined;
  }

  private edit(i: number, roll: number): void {
    if (roll < 0.6) {
      this.discount[i] = [0, 10, 20, 25, 50][Math.floor(this.random() * 5)];
      this.retail[i] = Math.max(99, this.retail[i] + (this.random() < 0.5 ? -100 : 100) * (1 + Math.floor(this.random() * 10)));
    } else if (roll < 0.85) {
      this.quantity[i] = Math.max(0, this.quantity[i] + (this.random() < 0.6 ? -1 : 1 + Math.floor(this.random() * 3)));
    } else if (roll < 0.93) {
      this.status[i] = Math.floor(this.random() * statuses.length);
    } else {
      this.ecommerce[i] = this.ecommerce[i] === 1 ? 0 : 1;
    }
  }
}
