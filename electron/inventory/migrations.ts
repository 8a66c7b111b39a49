import type { Migration } from '../core/store/database';
import { createSlot, finishSlot, formerIndexes, ftsColumns, itemColumnDefinitions, itemColumns, itemsTable, slotOf } from './slot-schema';

const cols = ftsColumns.join(', ');
const newCols = ftsColumns.map((c) => `new.${c}`).join(', ');
const oldCols = ftsColumns.map((c) => `old.${c}`).join(', ');

/**
 * The local copy of the SimpleConsign inventory. Rows carry a generation: a full load writes a new
 * generation in small chunks while searches keep reading the current one, then one transaction
 * switches generations and moves the watermark, so a failed or interrupted load changes nothing.
 */
export const inventoryMigrations: Migration[] = [
  {
    version: 20,
    name: 'inventory copy, full-text index and sync state',
    up: (db) => {
      db.exec(`
        CREATE TABLE inventory_items (id INTEGER PRIMARY KEY, gen INTEGER NOT NULL, ${itemColumnDefinitions});
        CREATE UNIQUE INDEX inventory_items_sku ON inventory_items (gen, sku);
        CREATE INDEX inventory_items_sku_nocase ON inventory_items (gen, sku COLLATE NOCASE);
        CREATE INDEX inventory_items_name ON inventory_items (gen, name COLLATE NOCASE);
        CREATE INDEX inventory_items_price ON inventory_items (gen, current_price_cents);
        CREATE INDEX inventory_items_category ON inventory_items (gen, category);
        CREATE INDEX inventory_items_updated ON inventory_items (gen, last_updated);

        CREATE VIRTUAL TABLE inventory_fts USING fts5(${cols}, content='inventory_items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER inventory_items_fts_insert AFTER INSERT ON inventory_items BEGIN
          INSERT INTO inventory_fts (rowid, ${cols}) VALUES (new.id, ${newCols});
        END;
        CREATE TRIGGER inventory_items_fts_delete AFTER DELETE ON inventory_items BEGIN
          INSERT INTO inventory_fts (inventory_fts, rowid, ${cols}) VALUES ('delete', old.id, ${oldCols});
        END;
        CREATE TRIGGER inventory_items_fts_update AFTER UPDATE OF ${cols} ON inventory_items BEGIN
          INSERT INTO inventory_fts (inventory_fts, rowid, ${cols}) VALUES ('delete', old.id, ${oldCols});
          INSERT INTO inventory_fts (rowid, ${cols}) VALUES (new.id, ${newCols});
        END;

        CREATE TABLE inventory_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          gen INTEGER NOT NULL,
          item_count INTEGER NOT NULL DEFAULT 0,
          watermark INTEGER,
          source TEXT,
          options TEXT,
          data_version INTEGER NOT NULL DEFAULT 0,
          last_success_at INTEGER,
          paused_until INTEGER
        );
        INSERT INTO inventory_state (id, gen) VALUES (1, 0);

        CREATE TABLE inventory_runs (
          id INTEGER PRIMARY KEY,
          mode TEXT NOT NULL,
          trigger TEXT NOT NULL,
          started_at INTEGER NOT NULL,
          finished_at INTEGER,
          outcome TEXT NOT NULL,
          received INTEGER NOT NULL DEFAULT 0,
          inserted INTEGER NOT NULL DEFAULT 0,
          updated INTEGER NOT NULL DEFAULT 0,
          deleted INTEGER NOT NULL DEFAULT 0,
          skipped INTEGER NOT NULL DEFAULT 0,
          message TEXT NOT NULL DEFAULT '',
          details TEXT NOT NULL DEFAULT '[]'
        );
      `);
    },
  },
  {
    version: 21,
    name: 'inventory: bulk full-text indexing, case-insensitive SKU key, sort and filter indexes',
    up: (db) => {
      // FTS5 flushes its pending terms at every statement savepoint, so a trigger writing one row at
      // a time made a segment per item. The repository indexes new rows itself, one statement per chunk.
      // The filter index covers every filter column, so counting a filtered result never reads the rows.
      // A price or quantity change leaves the full-text index alone.
      db.exec(`
        DROP TRIGGER inventory_items_fts_insert;
        DROP INDEX inventory_items_sku;
        DROP INDEX inventory_items_sku_nocase;
        CREATE UNIQUE INDEX inventory_items_sku ON inventory_items (gen, sku COLLATE NOCASE);
        CREATE INDEX inventory_items_quantity ON inventory_items (gen, quantity);
        CREATE INDEX inventory_items_created ON inventory_items (gen, date_created);
        DROP INDEX inventory_items_category;
        CREATE INDEX inventory_items_filters ON inventory_items (gen, category, consignment, ecommerce, quantity, status);
        DROP TRIGGER inventory_items_fts_update;
        CREATE TRIGGER inventory_items_fts_update AFTER UPDATE OF ${cols} ON inventory_items
        WHEN ${ftsColumns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
          INSERT INTO inventory_fts (inventory_fts, rowid, ${cols}) VALUES ('delete', old.id, ${oldCols});
          INSERT INTO inventory_fts (rowid, ${cols}) VALUES (new.id, ${newCols});
        END;
      `);
    },
  },
  {
    version: 22,
    name: 'inventory: two slots, each built in bulk with its own full-text index and prefix indexes',
    up: (db) => {
      // The copy moves into the slot of its generation; the old table and its index go.
      const gen = db.prepare('SELECT gen FROM inventory_state WHERE id = 1').pluck().get() as number;
      const columns = itemColumns.join(', ');
      db.exec(createSlot(0) + createSlot(1));
      db.prepare(`INSERT INTO ${itemsTable(slotOf(gen))} (${columns}) SELECT ${columns} FROM inventory_items WHERE gen = ? ORDER BY id`).run(gen);
      db.exec('DROP TABLE inventory_fts; DROP TABLE inventory_items;');
      for (const slot of [0, 1] as const) for (const sql of finishSlot(slot)) db.exec(sql);
    },
  },
  {
    version: 23,
    name: 'inventory: the items’ own change stamps beside the Date header, and warnings per run',
    up: (db) => {
      // Where the last good run started on SimpleConsign's Date clock, and the newest lastUpdated the
      // copy has seen: the next modifiedSince follows whichever is further behind.
      db.exec(`
        ALTER TABLE inventory_state ADD COLUMN clock_start INTEGER;
        ALTER TABLE inventory_state ADD COLUMN newest_stamp INTEGER;
        ALTER TABLE inventory_runs ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
      `);
    },
  },
  {
    version: 24,
    name: 'inventory: sorts and filters served from memory; their indexes go',
    up: (db) => {
      // Filter flags and the price, quantity and date orders are built off the main thread from the
      // rows themselves (copy-facts.ts); each load no longer builds, nor each change keeps up, five indexes.
      db.exec(formerIndexes(0) + formerIndexes(1));
    },
  },
];
