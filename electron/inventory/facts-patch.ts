import type Database from 'better-sqlite3';
import { numericOrders, orderColumns, orderKeys, shared, sharedCopy, type CopyFacts, type FactsRow, type KeyedRow, type NumericOrder, type OrderKey, type OrderValue as Key } from './copy-facts';
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

/** What rows were worth in an order before the change: given the ids a step asks about, a lookup of their values. */
type ValuesOf = (ids: number[]) => (id: number) => Key;

/**
 * How many rows of `order` come before each of `rows` in it. The binary searches run side by
 * side, a step at a time, and each step asks `valuesOf` for the rows it compares against at once
 * (for an order of text, one statement: a statement per comparison cost several times as much).
 */
function positions(order: Uint32Array, rows: Placed[], valuesOf: ValuesOf): Uint32Array {
  const lo = new Uint32Array(rows.length);
  const hi = new Uint32Array(rows.length).fill(order.length);
  for (;;) {
    const asked: number[] = [];
    for (let i = 0; i < rows.length; i++) if (lo[i] < hi[i]) asked.push(order[(lo[i] + hi[i]) >>> 1]);
    if (asked.length === 0) return lo;
    const valueOf = valuesOf(asked);
    for (let i = 0; i < rows.length; i++) {
      if (lo[i] >= hi[i]) continue;
      const mid = (lo[i] + hi[i]) >>> 1;
      const id = order[mid];
      if ((compareKeys(valueOf(id), rows[i].key) || id - rows[i].id) < 0) lo[i] = mid + 1;
      else hi[i] = mid;
    }
  }
}

/**
 * One kept order after a change: the previous order without `removed` (rows at their values
 * before it) and with `placed` (rows at their values now). Both are found by binary search in the
 * previous order, so each order costs a few comparisons per changed row and one copy of the rest.
 */
function mergeOrder(previous: Uint32Array, removed: Placed[], placed: Placed[], valuesOf: ValuesOf): Uint32Array {
  if (removed.length === 0 && placed.length === 0) return previous;
  const gone = positions(previous, removed, valuesOf);
  removed.forEach((r, i) => {
    if (previous[gone[i]] !== r.id) throw new Error(`Row ${r.id} is not where the previous facts' values place it.`);
  });
  gone.sort();
  const adds = [...placed].sort((x, y) => compareKeys(x.key, y.key) || x.id - y.id);
  const at = positions(previous, adds, valuesOf);
  const out = shared(Uint32Array, previous.length - removed.length + adds.length);
  let from = 0;
  let to = 0;
  let g = 0;
  // Copies the previous order's rows up to `end`, leaving out the removed ones.
  const copyUpTo = (end: number) => {
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

const isNumeric = (k: OrderKey): k is NumericOrder => (numericOrders as readonly string[]).includes(k);

/** Runs `work` in one read transaction (deferred: it takes no write lock), or in the caller's. */
function reading<T>(db: Database.Database, work: () => T): T {
  if (db.inTransaction) return work();
  db.exec('BEGIN');
  try {
    return work();
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * The search facts of the data version that a change set applied in place made, from the previous
 * version's: the touched rows' flags and categories set again (as the change set gathered them),
 * and each order merged as above. A full read of every row takes seconds at a million items; this
 * reads only the stored names and SKUs their binary searches visit. Throws when the copy is no
 * longer at `dataVersion`.
 */
export function patchFacts(db: Database.Database, slot: Slot, dataVersion: number, previous: CopyFacts, change: FactsChange): CopyFacts {
  const t = itemsTable(slot);
  return reading(db, () => {
    const version = db.prepare('SELECT data_version FROM inventory_state WHERE id = 1').pluck().get();
    if (version !== dataVersion) throw new Error(`The copy is at data version ${String(version)}, not ${dataVersion}.`);
    const before = new Map(change.before.map((r) => [r[0], r]));
    const rows = change.after;
    const ids = [...new Set([...before.keys(), ...rows.map((r) => r[0])])];

    const size = ids.reduce((m, id) => Math.max(m, id + 1), previous.flags.length);
    const flags = sharedCopy(Uint8Array, previous.flags, size);
    const category = sharedCopy(Uint32Array, previous.category, size);
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

    // In each order, a row the change set deleted, added or gave another value to is placed again;
    // one whose value stayed (a price change, in the name order) keeps its place. Rows are found
    // in the previous order by the values they had: a numeric order's are in memory, and a text
    // order's are the stored ones, but for the rows the change set touched, as they were before it.
    const now = new Map(rows.map((r) => [r[0], r]));
    const orders = {} as CopyFacts['orders'];
    const values = {} as CopyFacts['values'];
    orderKeys.forEach((k, c) => {
      const removed: Placed[] = [];
      const placed: Placed[] = [];
      for (const [id, ...was] of change.before) {
        const row = now.get(id);
        if (row === undefined || row[3 + c] !== was[c]) removed.push({ id, key: was[c] });
      }
      for (const r of rows) {
        const was = before.get(r[0]);
        if (was === undefined || was[1 + c] !== r[3 + c]) placed.push({ id: r[0], key: r[3 + c] });
      }
      if (isNumeric(k)) {
        const old = previous.values[k];
        orders[k] = mergeOrder(previous.orders[k], removed, placed, () => (id) => (old[id] === -Infinity ? null : old[id]));
        const v = (values[k] = sharedCopy(Float64Array, old, size));
        for (const id of ids) v[id] = -Infinity;
        for (const r of rows) v[r[0]] = (r[3 + c] as number | null) ?? -Infinity;
        return;
      }
      const read = db.prepare(`SELECT id, ${orderColumns[c]} FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`).raw();
      const stored: ValuesOf = (asked) => {
        const got = new Map(read.all(JSON.stringify(asked.filter((id) => !before.has(id)))) as [number, Key][]);
        return (id) => (before.has(id) ? before.get(id)![1 + c]! : (got.get(id) ?? null));
      };
      orders[k] = mergeOrder(previous.orders[k], removed, placed, stored);
    });
    return { flags, category, categories, orders, values };
  });
}
