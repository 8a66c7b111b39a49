/**
 * The copy lives in two slots, each an items table with its own external-content full-text index.
 * Searches read the slot of the current generation (gen % 2); a full load fills the other one and
 * one transaction switches generations. Keeping the slots apart lets a load write bare rows and
 * build the B-tree indexes afterwards in one pass each, which is how databases bulk-load.
 */

/** Columns of the copy that full-text search covers, in FTS column order. */
export const ftsColumns = ['sku', 'name', 'description', 'brand', 'category', 'color', 'size', 'consignor_id'] as const;

/** Every stored column but the row id, in insert order. */
export const itemColumns = [
  'sku', 'name', 'description', 'category', 'brand', 'size', 'color', 'family_group', 'consignment', 'consignor_id', 'start_date', 'expire_date',
  'status', 'state', 'ecommerce', 'quantity', 'cost_cents', 'retail_cents', 'buyers_fee_cents', 'current_price_cents', 'discount', 'do_not_discount',
  'images', 'date_created', 'last_updated', 'extra', 'unreadable',
] as const;

/**
 * Prefixes of up to this many letters have an index of their own in the full-text index; a longer
 * one is read by merging the lists of every word it covers, again on each read of it.
 */
export const INDEXED_PREFIX_LETTERS = 3;

export type Slot = 0 | 1;
export const slotOf = (gen: number): Slot => (gen % 2 === 0 ? 0 : 1);
export const itemsTable = (slot: Slot) => `inventory_items_${slot}`;
export const ftsTable = (slot: Slot) => `inventory_fts_${slot}`;

const cols = ftsColumns.join(', ');
const prefixed = (p: string) => ftsColumns.map((c) => `${p}.${c}`).join(', ');

/**
 * An item's columns as declared, in `itemColumns` order. The first copy (one table with a
 * generation column, migration 20) and every slot since declare them from here.
 */
export const itemColumnDefinitions = `
  sku TEXT NOT NULL,
  name TEXT, description TEXT, category TEXT, brand TEXT, size TEXT, color TEXT, family_group TEXT,
  consignment INTEGER, consignor_id TEXT, start_date TEXT, expire_date TEXT,
  status TEXT, state TEXT, ecommerce INTEGER, quantity INTEGER,
  cost_cents INTEGER, retail_cents INTEGER, buyers_fee_cents INTEGER, current_price_cents INTEGER,
  discount REAL, do_not_discount INTEGER,
  images TEXT NOT NULL DEFAULT '[]',
  date_created INTEGER, last_updated INTEGER,
  extra TEXT NOT NULL DEFAULT '{}',
  unreadable TEXT NOT NULL DEFAULT '{}'`;

/**
 * The bare table (row id only) and its empty full-text index. Prefixes of one to three letters
 * have their own index: without one, a prefix query merges the lists of every word it covers, and
 * three letters cover thousands of words at a million items (SKUs like "bla3t6" beside "black").
 * The third costs about a fifth more to build; longer prefixes cover a few words each.
 * A load adds rows to the index a few thousand at a time (a segment each): merging segments in
 * eights rather than fours halves how often a row is merged again, and searches read as many segments.
 */
export function createSlot(slot: Slot): string {
  const t = itemsTable(slot);
  return `
    CREATE TABLE ${t} (id INTEGER PRIMARY KEY, ${itemColumnDefinitions});
    CREATE VIRTUAL TABLE ${ftsTable(slot)} USING fts5(${cols}, content='${t}', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='${Array.from({ length: INDEXED_PREFIX_LETTERS }, (_, i) => i + 1).join(' ')}');
    INSERT INTO ${ftsTable(slot)} (${ftsTable(slot)}, rank) VALUES ('automerge', 8);
    INSERT INTO ${ftsTable(slot)} (${ftsTable(slot)}, rank) VALUES ('crisismerge', 32);
  `;
}

export function dropSlot(slot: Slot): string {
  return `DROP TABLE IF EXISTS ${ftsTable(slot)}; DROP TABLE IF EXISTS ${itemsTable(slot)};`;
}

/** The case-insensitive SKU key: needed before any row is updated or deleted by SKU. */
export function skuIndex(slot: Slot): string {
  return `CREATE UNIQUE INDEX IF NOT EXISTS ${itemsTable(slot)}_sku ON ${itemsTable(slot)} (sku COLLATE NOCASE);`;
}

/**
 * The name order's index: sorting by name needs the store's collation, so that order is read from
 * here; the others (price, quantity, dates) are sorted in memory, and filters are tested on flags
 * in memory, so no index serves them (see copy-facts.ts).
 */
export function nameIndex(slot: Slot): string {
  const t = itemsTable(slot);
  return `CREATE INDEX IF NOT EXISTS ${t}_name ON ${t} (name COLLATE NOCASE);`;
}

/** Indexes earlier versions kept for sorts and filters now served in memory. */
export function formerIndexes(slot: Slot): string {
  const t = itemsTable(slot);
  return ['price', 'quantity', 'created', 'updated', 'filters'].map((n) => `DROP INDEX IF EXISTS ${t}_${n};`).join(' ');
}

/**
 * Keeps the full-text index in step with updates and deletes of the current copy. New rows are
 * indexed by the repository, one statement per batch: FTS5 flushes its pending terms at every
 * statement, so a trigger per inserted row would write a segment per row.
 */
export function ftsTriggers(slot: Slot): string {
  const t = itemsTable(slot);
  const f = ftsTable(slot);
  return `
    CREATE TRIGGER IF NOT EXISTS ${t}_fts_delete AFTER DELETE ON ${t} BEGIN
      INSERT INTO ${f} (${f}, rowid, ${cols}) VALUES ('delete', old.id, ${prefixed('old')});
    END;
    CREATE TRIGGER IF NOT EXISTS ${t}_fts_update AFTER UPDATE OF ${cols} ON ${t}
    WHEN ${ftsColumns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
      INSERT INTO ${f} (${f}, rowid, ${cols}) VALUES ('delete', old.id, ${prefixed('old')});
      INSERT INTO ${f} (rowid, ${cols}) VALUES (new.id, ${prefixed('new')});
    END;
  `;
}

/** The full-text index built in one pass from the rows (FTS5 'rebuild'). */
export function rebuildFts(slot: Slot): string {
  return `INSERT INTO ${ftsTable(slot)} (${ftsTable(slot)}) VALUES ('rebuild');`;
}

/** Everything a slot's rows need before searches may read them. */
export function finishSlot(slot: Slot): string[] {
  return [skuIndex(slot), nameIndex(slot), ftsTriggers(slot), rebuildFts(slot)];
}
