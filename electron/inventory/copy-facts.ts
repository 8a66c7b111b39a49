/**
 * What searches keep in memory of one version of the copy: the filter columns as flags per row id,
 * and each sort order as the row ids in that order. Built off the main thread (by the load that
 * writes a copy, from the stored rows, or patched from the previous version's) in shared memory,
 * so they pass between threads, either way, without a copy; nothing writes them once built (but
 * the numeric orders' values, which only the next patch reads).
 */

export const PRESENT = 1;
export const CONSIGNMENT = 2;
export const ECOMMERCE = 4;
export const IN_STOCK = 8;
export const ACTIVE = 16;

/** The sort orders kept, each ascending by its column then row id; descending sorts walk them backwards. */
export const orderKeys = ['name', 'sku', 'price', 'quantity', 'created', 'updated'] as const;
export type OrderKey = (typeof orderKeys)[number];
/** The orders whose column is a whole number, sorted here rather than read from an index. */
export const numericOrders = ['price', 'quantity', 'created', 'updated'] as const;
export type NumericOrder = (typeof numericOrders)[number];
/** The stored column of each numeric order. */
export const numericColumns: Record<NumericOrder, string> = { price: 'current_price_cents', quantity: 'quantity', created: 'date_created', updated: 'last_updated' };
/** The stored column each order sorts by, in `orderKeys` order. */
export const orderColumns = orderKeys.map((k) => (k === 'name' || k === 'sku' ? k : numericColumns[k]));
/**
 * The length of a numeric order's values for rows up to `size`: room for the ids a change set adds,
 * so the patch moves them on in place. The room costs nothing until written (the system hands the
 * process a page of memory when it is first written to), where copying them into larger ones costs
 * a page fault every 4 KB (40 MB at a million items).
 */
export const valuesFor = (size: number) => Math.ceil(size * 1.25);

/** A value an order sorts by: text (name, SKU), a number, or none. */
export type OrderValue = string | number | null;
/** A row's id and the values the orders sort it by, in `orderKeys` order. */
export type KeyedRow = [number, ...OrderValue[]];
/** A row as its search facts hold it: id, flag bits, category, then the values the orders sort it by. */
export type FactsRow = [number, number, string | null, ...OrderValue[]];

export interface CopyFacts {
  /** One byte of flags per row id (0: no row). */
  flags: Uint8Array;
  /** Each row id's category, as 1 + its index in `categories`; 0 for none. */
  category: Uint32Array;
  categories: string[];
  orders: Record<OrderKey, Uint32Array>;
  /**
   * Each numeric order's value per row id (-Infinity for none; room for more ids past the last):
   * what the next change set's patch places rows among. Unlike the rest, these are handed on: the
   * patch updates them in place for the version it makes (searches never read them).
   */
  values: Record<NumericOrder, Float64Array>;
}

/** The filter columns of one row, as stored. */
export interface FilterColumns {
  category: string | null;
  consignment: number | null;
  ecommerce: number | null;
  quantity: number | null;
  status: string | null;
}

/** The flags of a row in SQL, as `flagsOf` works them out: the store's rows read back. */
export const flagsSql = `1 + 2 * (consignment IS 1) + 4 * (ecommerce IS 1) + 8 * ((quantity > 0) IS 1) + 16 * (status IS NULL OR upper(status) = 'ACTIVE')`;

/** The flags of a row: the same tests as the filters' SQL (`upper(status) = 'ACTIVE'` folds ASCII letters only, as /i does). */
export function flagsOf(r: Pick<FilterColumns, 'consignment' | 'ecommerce' | 'quantity' | 'status'>): number {
  return (
    PRESENT |
    (r.consignment === 1 ? CONSIGNMENT : 0) |
    (r.ecommerce === 1 ? ECOMMERCE : 0) |
    (r.quantity !== null && r.quantity > 0 ? IN_STOCK : 0) |
    (r.status === null || /^active$/i.test(r.status) ? ACTIVE : 0)
  );
}

function grown<T extends Uint8Array | Uint32Array | Float64Array>(a: T, min: number, make: (n: number) => T): T {
  if (a.length >= min) return a;
  const b = make(Math.max(min, Math.ceil(a.length * 1.5), 1024));
  b.set(a);
  return b;
}

/**
 * Gathers the facts of a copy row by row (as a load writes them, or as they are read back), then
 * sorts the numeric orders: an LSD radix sort of the row ids, stable, so ties stay in id order.
 */
export class FactsCollector {
  private flags = new Uint8Array(0);
  private category = new Uint32Array(0);
  private readonly codes = new Map<string, number>();
  private readonly names: string[] = [];
  private keys: Record<NumericOrder, Float64Array> = { price: new Float64Array(0), quantity: new Float64Array(0), created: new Float64Array(0), updated: new Float64Array(0) };
  private size = 0;

  /** Notes one row; `keys` in `numericOrders` order (null for none). */
  add(id: number, filters: FilterColumns, keys: readonly (number | null)[]): void {
    if (id >= this.flags.length) this.grow(id + 1);
    this.size = Math.max(this.size, id + 1);
    this.flags[id] = flagsOf(filters);
    this.category[id] = filters.category === null ? 0 : this.codeOf(filters.category);
    numericOrders.forEach((k, i) => (this.keys[k][id] = keys[i] ?? -Infinity));
  }

  /**
   * Rows read back a batch at a time, each list in the same row order: ids, their flag bits (as
   * `flagsSql` works them out), categories and the numeric orders' keys (in `numericOrders` order).
   */
  addColumns(ids: number[], bits: number[], categories: (string | null)[], keys: (number | null)[][]): void {
    if (ids.length === 0) return;
    const top = ids.reduce((m, id) => Math.max(m, id), 0);
    if (top >= this.flags.length) this.grow(top + 1);
    this.size = Math.max(this.size, top + 1);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const cat = categories[i];
      this.flags[id] = bits[i];
      this.category[id] = cat === null ? 0 : this.codeOf(cat);
    }
    numericOrders.forEach((k, c) => {
      const column = keys[c];
      const target = this.keys[k];
      for (let i = 0; i < ids.length; i++) target[ids[i]] = column[i] ?? -Infinity;
    });
  }

  /** A row written and later removed (an earlier entry of a SKU sent twice). */
  drop(id: number): void {
    if (id < this.size) this.flags[id] = 0;
  }

  /** A row's E-commerce flag, learnt after it was written. */
  setEcommerce(id: number, on: boolean): void {
    if (id < this.size && this.flags[id] !== 0) this.flags[id] = on ? this.flags[id] | ECOMMERCE : this.flags[id] & ~ECOMMERCE;
  }

  private codeOf(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      this.names.push(name);
      this.codes.set(name, (code = this.names.length));
    }
    return code;
  }

  private grow(min: number): void {
    this.flags = grown(this.flags, min, (n) => new Uint8Array(n));
    this.category = grown(this.category, min, (n) => new Uint32Array(n));
    for (const k of numericOrders) this.keys[k] = grown(this.keys[k], min, (n) => new Float64Array(n));
  }

  /** The facts, given the name and SKU orders (read from their indexes). */
  finish(name: Uint32Array, sku: Uint32Array): CopyFacts {
    const present: number[] = [];
    for (let id = 0; id < this.size; id++) if (this.flags[id] !== 0) present.push(id);
    const ids = Uint32Array.from(present);
    const orders = { name, sku } as Record<OrderKey, Uint32Array>;
    const values = {} as Record<NumericOrder, Float64Array>;
    for (const k of numericOrders) {
      orders[k] = sortByKey(ids, this.keys[k]);
      values[k] = sharedCopy(Float64Array, this.keys[k], valuesFor(this.size));
    }
    return { flags: sharedCopy(Uint8Array, this.flags, this.size), category: sharedCopy(Uint32Array, this.category, this.size), categories: [...this.names], orders, values };
  }
}

const DIGIT = 65_536;

/**
 * The ids sorted by their key (null keys, stored as -Infinity, first), ties in the ids' order.
 * Whole-number keys take an LSD radix sort on 16-bit digits (a pass per 16 bits of the range);
 * anything else a comparison sort.
 */
export function sortByKey(ids: Uint32Array, key: Float64Array): Uint32Array {
  const out = shared(Uint32Array, ids.length);
  let nulls = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < ids.length; i++) {
    const v = key[ids[i]];
    if (v === -Infinity) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isSafeInteger(v)) whole = false;
  }
  const rest = new Uint32Array(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (key[id] === -Infinity) out[nulls++] = id;
    else rest[n++] = id;
  }
  if (n === 0) return out;
  if (!whole || !Number.isSafeInteger(max - min)) {
    const sorted = Array.from(rest.subarray(0, n)).sort((a, b) => key[a] - key[b] || a - b);
    out.set(sorted, nulls);
    return out;
  }
  let from = rest.subarray(0, n);
  let to = new Uint32Array(n);
  const count = new Uint32Array(DIGIT);
  for (let scale = 1; scale <= max - min; scale *= DIGIT) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[Math.floor((key[from[i]] - min) / scale) % DIGIT]++;
    for (let d = 0, sum = 0; d < DIGIT; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const id = from[i];
      to[count[Math.floor((key[id] - min) / scale) % DIGIT]++] = id;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  out.set(from, nulls);
  return out;
}

type Typed = Uint8Array | Uint32Array | Float64Array | Int32Array;
type TypedOf<T extends Typed> = { new (buffer: SharedArrayBuffer, offset?: number, length?: number): T; BYTES_PER_ELEMENT: number };

/** A typed array of `length` zeros in shared memory. */
export function shared<T extends Typed>(type: TypedOf<T>, length: number): T {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

/** A copy in shared memory of the first `length` values of `from` (zeros past its end). */
export function sharedCopy<T extends Typed>(type: TypedOf<T>, from: ArrayLike<number>, length = from.length, room?: T): T {
  const out = room ? sharedIn(type, length, room) : shared(type, length);
  out.set(from.length > length ? (from as T).subarray(0, length) : from);
  if (room) out.fill(0, Math.min(from.length, length));
  return out;
}

/**
 * Memory for the arrays of the next version of the facts, written through before the patch needs
 * it: the first write to fresh memory costs the process a page fault every 4 KB (measured on a
 * virtual machine: 13 ms to fill 4 MB the first time, 0.3 ms the second), which made up most of a
 * patch at a million items. Made on the main thread (no page is touched), filled in the worker
 * that is to patch into it, before the patch.
 */
export interface FactsRoom {
  flags: Uint8Array;
  category: Uint32Array;
  orders: Record<OrderKey, Uint32Array>;
  /** 1 once `fillRoom` has written every array through, 0 until then: the patch writes into the room only once filled. */
  filled: Int32Array;
}

/** The length an array is given room for: a change set adds rows, and a room too small for them is not used. */
export const roomFor = (length: number) => length + (length >>> 6) + 4096;

/** `length` values of `type` in `room`'s memory when it has space for them (their values are left as they were), else in fresh shared memory. */
export function sharedIn<T extends Typed>(type: TypedOf<T>, length: number, room: Typed | undefined): T {
  const buffer = room?.buffer;
  if (buffer instanceof SharedArrayBuffer && buffer.byteLength >= length * type.BYTES_PER_ELEMENT) return new type(buffer, 0, length);
  return new type(new SharedArrayBuffer(roomFor(length) * type.BYTES_PER_ELEMENT), 0, length);
}

/** Room for the next version of facts shaped like `facts`, not yet written through. */
export function makeRoom(facts: Pick<CopyFacts, 'flags' | 'category' | 'orders'>): FactsRoom {
  const orders = {} as FactsRoom['orders'];
  for (const k of orderKeys) orders[k] = shared(Uint32Array, roomFor(facts.orders[k].length));
  return { flags: shared(Uint8Array, roomFor(facts.flags.length)), category: shared(Uint32Array, roomFor(facts.category.length)), orders, filled: shared(Int32Array, 1) };
}

/** Writes a room through (in the worker that is to patch into it), then marks it filled. */
export function fillRoom(room: FactsRoom): void {
  for (const a of [room.flags, room.category, ...Object.values(room.orders)]) a.fill(0);
  Atomics.store(room.filled, 0, 1);
}

/** The room if it has been filled; none otherwise (the patch then writes into fresh memory). */
export function filledRoom(room: FactsRoom | undefined): FactsRoom | undefined {
  return room && Atomics.load(room.filled, 0) === 1 ? room : undefined;
}
