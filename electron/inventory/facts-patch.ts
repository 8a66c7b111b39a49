import type Database from 'better-sqlite3';
import { flagsSql, orderColumns, orderKeys, shared, sharedCopy, type CopyFacts, type KeyedRow, type OrderValue as Key } from './copy-facts';
import { itemsTable, type Slot } from './slot-schema';

/** The rows a change set applied in place touched: those it added, and the others as they were before it. */
export interface FactsChange {
  added: number[];
  before: KeyedRow[];
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
 * Where each of `adds` (sorted) goes among the `n` rows of `kept`: how many of them come before it.
 * The binary searches run side by side, a step at a time, and each step reads the keys of the rows
 * it compares against in one statement (`keysOf`): a few dozen rows per change in all, where a
 * statement per comparison cost several times as much.
 */
function positions(kept: Uint32Array, n: number, adds: Placed[], keysOf: (ids: number[]) => Map<number, Key>): Uint32Array {
  const lo = new Uint32Array(adds.length);
  const hi = new Uint32Array(adds.length).fill(n);
  for (;;) {
    const asked = new Set<number>();
    for (let i = 0; i < adds.length; i++) if (lo[i] < hi[i]) asked.add(kept[(lo[i] + hi[i]) >>> 1]);
    if (asked.size === 0) return lo;
    const keys = keysOf([...asked]);
    for (let i = 0; i < adds.length; i++) {
      if (lo[i] >= hi[i]) continue;
      const mid = (lo[i] + hi[i]) >>> 1;
      const id = kept[mid];
      if ((compareKeys(keys.get(id) ?? null, adds[i].key) || id - adds[i].id) < 0) lo[i] = mid + 1;
      else hi[i] = mid;
    }
  }
}

/** One kept order after a change: the previous order without the rows `moved` marks, and `changed` (those of them still present) placed among the others. */
function mergeOrder(previous: Uint32Array, moved: Uint8Array, changed: Placed[], keysOf: (ids: number[]) => Map<number, Key>): Uint32Array {
  const kept = new Uint32Array(previous.length);
  let n = 0;
  for (let i = 0; i < previous.length; i++) if (moved[previous[i]] === 0) kept[n++] = previous[i];
  const adds = [...changed].sort((x, y) => compareKeys(x.key, y.key) || x.id - y.id);
  const at = positions(kept, n, adds, keysOf);
  const out = shared(Uint32Array, n + adds.length);
  let from = 0;
  adds.forEach((add, i) => {
    out.set(kept.subarray(from, at[i]), from + i);
    from = at[i];
    out[from + i] = add.id;
  });
  out.set(kept.subarray(from, n), from + adds.length);
  return out;
}

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
 * version's: the touched rows' flags and categories set again, and each order merged as above. A
 * full read of every row takes seconds at a million items; this reads the touched rows and the
 * rows their binary searches visit. Throws when the copy is no longer at `dataVersion`.
 */
export function patchFacts(db: Database.Database, slot: Slot, dataVersion: number, previous: CopyFacts, change: FactsChange): CopyFacts {
  const t = itemsTable(slot);
  return reading(db, () => {
    const version = db.prepare('SELECT data_version FROM inventory_state WHERE id = 1').pluck().get();
    if (version !== dataVersion) throw new Error(`The copy is at data version ${String(version)}, not ${dataVersion}.`);
    const before = new Map(change.before.map((r) => [r[0], r]));
    const ids = [...new Set([...before.keys(), ...change.added])];
    const rows = db.prepare(`SELECT id, ${flagsSql}, category, ${orderColumns.join(', ')} FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(ids)) as [number, number, string | null, ...Key[]][];

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
    // one whose value stayed (a price change, in the name order) keeps its place.
    const orders = {} as CopyFacts['orders'];
    const moved = new Uint8Array(size);
    orderKeys.forEach((k, c) => {
      const read = db.prepare(`SELECT id, ${orderColumns[c]} FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`).raw();
      const keysOf = (asked: number[]) => new Map(read.all(JSON.stringify(asked)) as [number, Key][]);
      for (const id of ids) moved[id] = 1;
      const placed: Placed[] = [];
      for (const r of rows) {
        if (before.get(r[0])?.[1 + c] === r[3 + c]) moved[r[0]] = 0;
        else placed.push({ id: r[0], key: r[3 + c] });
      }
      orders[k] = mergeOrder(previous.orders[k], moved, placed, keysOf);
      for (const id of ids) moved[id] = 0;
    });
    return { flags, category, categories, orders };
  });
}
