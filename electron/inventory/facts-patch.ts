import type Database from 'better-sqlite3';
import { numericOrders, orderColumns, orderKeys, sharedCopy, sharedIn, valuesFor, type CopyFacts, type FactsRoom, type FactsRow, type KeyedRow, type NumericOrder, type OrderKey, type OrderValue as Key } from './copy-facts';
import { itemsTable, type Slot } from './slot-schema';

/** The rows a change set applied in place changed, deleted or added: as they were before it, and as they are. */
export interface FactsChange {
  before: KeyedRow[];
  after: FactsRow[];
}

// Surrogates (D800–DFFF) stand for code points above FFFF, so they order after E000–FFFF.
const codePointRank = (u: number) => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);

/**
 * SQLite's NOCASE order: ASCII letters folded to lower case, then the UTF-8 bytes compared, which
 * order as code points do (a string before any longer one it begins).
 */
export function nocaseCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Two keys in a kept order's sense: none first, numbers by value, text in NOCASE order. */
function compareKeys(a: Key, b: Key): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return nocaseCompare(String(a), String(b));
}

interface Placed {
  id: number;
  key: Key;
}

/**
 * Where each of `rows` sits, or would go, in a numeric order: how many of its rows come before it.
 * The binary searches run side by side, a step at a time: each step's reads (of the order and of
 * the values, at random places in both) do not wait for one another, as one search's do.
 */
function numericPositions(order: Uint32Array, rows: Placed[], values: Float64Array): Uint32Array {
  const lo = new Uint32Array(rows.length);
  const hi = new Uint32Array(rows.length).fill(order.length);
  for (let searching = rows.length; searching > 0; ) {
    searching = 0;
    for (let i = 0; i < rows.length; i++) {
      if (lo[i] >= hi[i]) continue;
      const mid = (lo[i] + hi[i]) >>> 1;
      const at = order[mid];
      const v = values[at];
      if ((compareKeys(v === -Infinity ? null : v, rows[i].key) || at - rows[i].id) < 0) lo[i] = mid + 1;
      else hi[i] = mid;
      if (lo[i] < hi[i]) searching++;
    }
  }
  return lo;
}

/**
 * The row each of `adds` goes just after in a text order (name or SKU), or none (it goes first):
 * the row before it in the stored order that kept its place, found by reading the column's index
 * backwards from where the row would sit (a seek or two, where a binary search read a few dozen rows).
 */
function keptBefore(db: Database.Database, t: string, column: string, adds: Placed[]): (number | undefined)[] {
  const moved = new Set(adds.map((a) => a.id));
  const ask = (sql: string) => db.prepare(`SELECT id FROM ${t} WHERE ${sql} LIMIT ?`).pluck();
  const same = ask(`${column} = ? COLLATE NOCASE AND id < ? ORDER BY id DESC`);
  const below = ask(`${column} < ? COLLATE NOCASE ORDER BY ${column} COLLATE NOCASE DESC, id DESC`);
  const none = ask(`${column} IS NULL AND id < ? ORDER BY id DESC`);
  // The first of a statement's rows that kept its place, reading more of them while every one read moved.
  const kept = (stmt: Database.Statement, ...args: unknown[]): number | undefined => {
    for (let limit = 16; ; limit *= 16) {
      const ids = stmt.all(...args, limit) as number[];
      const found = ids.find((id) => !moved.has(id));
      if (found !== undefined || ids.length < limit) return found;
    }
  };
  return adds.map(({ id, key }) => (key === null ? kept(none, id) : (kept(same, key, id) ?? kept(below, key) ?? kept(none, Number.MAX_SAFE_INTEGER))));
}

/** Where each of `ids` sits in `order`, found in one pass over it; throws for one it does not hold. */
function whereIn(order: Uint32Array, ids: number[], size: number): (id: number) => number {
  // A bit per row id: small enough to stay in the processor's cache while the order streams past.
  const wanted = new Uint32Array((size >>> 5) + 1);
  for (const id of ids) wanted[id >>> 5] |= 1 << (id & 31);
  const at = new Map<number, number>();
  for (let pos = 0; pos < order.length; pos++) {
    const id = order[pos];
    if ((wanted[id >>> 5] & (1 << (id & 31))) !== 0) at.set(id, pos);
  }
  return (id) => {
    const pos = at.get(id);
    if (pos === undefined) throw new Error(`Row ${id} is not in the previous facts' order.`);
    return pos;
  };
}

/**
 * One kept order after a change: the previous order without the rows at positions `gone`, and
 * with `adds` (sorted in the order's sense), each put where `at` says among the previous rows.
 * The rest is copied as it was, a run at a time, into `room` when it has space.
 */
function mergeOrder(previous: Uint32Array, gone: Uint32Array, adds: Placed[], at: Uint32Array, room: Uint32Array | undefined): Uint32Array {
  if (gone.length === 0 && adds.length === 0) return previous;
  gone.sort();
  const out = sharedIn(Uint32Array, previous.length - gone.length + adds.length, room);
  let from = 0;
  let to = 0;
  let g = 0;
  // Copies the previous order's rows up to `end`, leaving out the removed ones.
  const copyUpTo = (end: number) => {
    if (end < from) throw new Error('The places found for the rows put back are out of order.');
    for (; g < gone.length && gone[g] < end; g++) {
      out.set(previous.subarray(from, gone[g]), to);
      to += gone[g] - from;
      from = gone[g] + 1;
    }
    out.set(previous.subarray(from, end), to);
    to += end - from;
    from = end;
  };
  adds.forEach((add, i) => {
    copyUpTo(at[i]);
    out[to++] = add.id;
  });
  copyUpTo(previous.length);
  return out;
}

/** The positions of `removed` in `order`, checked: a row not where the facts' values place it means they are not the copy's. */
function checkedPositions(order: Uint32Array, removed: Placed[], where: Uint32Array): Uint32Array {
  removed.forEach((r, i) => {
    if (order[where[i]] !== r.id) throw new Error(`Row ${r.id} is not where the previous facts' values place it.`);
  });
  return where;
}

const isNumeric = (k: OrderKey): k is NumericOrder => (numericOrders as readonly string[]).includes(k);
const textOrders = ['name', 'sku'] as const;
type TextOrder = (typeof textOrders)[number];

/**
 * For the name and SKU orders, the row each row a change set places again goes just after (-1:
 * first), read from the columns' indexes on the connection that applied it, before it commits.
 */
export type TextAnchors = Record<TextOrder, Map<number, number>>;

/**
 * For one order (`c` in `orderKeys`), the rows to take out (deleted, or their value changed) and to
 * put back (added, or at their new value), the latter sorted in the order's sense. A row whose
 * value stayed (a price change, in the name order) keeps its place.
 */
function movesOf(change: FactsChange): (c: number) => { removed: Placed[]; placed: Placed[] } {
  const now = new Map(change.after.map((r) => [r[0], r]));
  const was = new Map(change.before.map((r) => [r[0], r]));
  return (c) => {
    const removed: Placed[] = [];
    const placed: Placed[] = [];
    for (const b of change.before) {
      const row = now.get(b[0]);
      if (row === undefined || row[3 + c] !== b[1 + c]) removed.push({ id: b[0], key: b[1 + c] });
    }
    for (const r of change.after) {
      const b = was.get(r[0]);
      if (b === undefined || b[1 + c] !== r[3 + c]) placed.push({ id: r[0], key: r[3 + c] });
    }
    placed.sort((x, y) => compareKeys(x.key, y.key) || x.id - y.id);
    return { removed, placed };
  };
}

/** Where a change set's rows go in the name and SKU orders, read in the transaction that applied it (so seeing it). */
export function textAnchors(db: Database.Database, slot: Slot, change: FactsChange): TextAnchors {
  const t = itemsTable(slot);
  const anchors = {} as TextAnchors;
  const movesIn = movesOf(change);
  for (const k of textOrders) {
    const c = orderKeys.indexOf(k);
    const { placed } = movesIn(c);
    const prior = keptBefore(db, t, orderColumns[c], placed);
    anchors[k] = new Map(placed.map((p, i) => [p.id, prior[i] ?? -1]));
  }
  return anchors;
}

/**
 * The search facts of the data version that a change set applied in place made, from the previous
 * version's: the touched rows' flags and categories set again (as the change set gathered them),
 * and each order merged as above. A full read of every row takes seconds at a million items; this
 * reads nothing stored: the name and SKU orders' places come with `anchors`. Throws when the
 * previous facts do not hold a row where they should, or the anchors are not the change's. The
 * new arrays are written into `room` where it has space (see FactsRoom).
 */
export function patchFacts(previous: CopyFacts, change: FactsChange, anchors: TextAnchors, room?: FactsRoom): CopyFacts {
  const rows = change.after;
  const ids = [...new Set([...change.before.map((r) => r[0]), ...rows.map((r) => r[0])])];

  const size = ids.reduce((m, id) => Math.max(m, id + 1), previous.flags.length);
  const flags = sharedCopy(Uint8Array, previous.flags, size, room?.flags);
  const category = sharedCopy(Uint32Array, previous.category, size, room?.category);
  const categories = [...previous.categories];
  const codes = new Map(categories.map((name, i) => [name, i + 1]));
  const codeOf = (name: string) => codes.get(name) ?? (categories.push(name), codes.set(name, categories.length), categories.length);
  for (const id of ids) {
    flags[id] = 0;
    category[id] = 0;
  }
  for (const [id, bits, cat] of rows) {
    flags[id] = bits;
    category[id] = cat === null ? 0 : codeOf(cat);
  }

  // Rows are found in the previous order: in a numeric order, by binary search over the values rows
  // had, kept in memory; in a text order, by one pass over it for the rows taken out and those the
  // rows put back go after.
  const orders = {} as CopyFacts['orders'];
  const values = {} as CopyFacts['values'];
  const movesIn = movesOf(change);
  orderKeys.forEach((k, c) => {
    const { removed, placed } = movesIn(c);
    const order = previous.orders[k];
    if (!isNumeric(k)) {
      const prior = placed.map(({ id }) => {
        const anchor = anchors[k].get(id);
        if (anchor === undefined) throw new Error(`Row ${id} has no place read for the ${k} order.`);
        return anchor;
      });
      const posOf = whereIn(order, [...removed.map((r) => r.id), ...prior.filter((id) => id >= 0)], size);
      const at = Uint32Array.from(prior, (id) => (id < 0 ? 0 : posOf(id) + 1));
      orders[k] = mergeOrder(order, Uint32Array.from(removed, (r) => posOf(r.id)), placed, at, room?.orders[k]);
      return;
    }
    const old = previous.values[k];
    const gone = checkedPositions(order, removed, numericPositions(order, removed, old));
    orders[k] = mergeOrder(order, gone, placed, numericPositions(order, placed, old), room?.orders[k]);
    // The values move on in place (nothing but the next patch reads them): a copy only when new rows outgrow them.
    const v = (values[k] = size <= old.length ? old : sharedCopy(Float64Array, old, valuesFor(size)));
    for (const id of ids) v[id] = -Infinity;
    for (const r of rows) v[r[0]] = (r[3 + c] as number | null) ?? -Infinity;
  });
  return { flags, category, categories, orders, values };
}
