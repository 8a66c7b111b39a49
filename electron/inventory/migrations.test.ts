import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { coreMigrations } from '../core/store/core-migrations';
import { openDatabase, type Db } from '../core/store/database';
import { inventoryMigrations } from './migrations';
import { itemColumns, itemsTable } from './slot-schema';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns = (db: Db, table: string) => db.prepare(`SELECT name, type, "notnull", dflt_value FROM pragma_table_info(?) WHERE name NOT IN ('id', 'gen') ORDER BY cid`).all(table);

it('a copy kept by the first version moves into its slot, whose columns are declared as the first table’s were', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-migrations-'));
  const file = path.join(dir, 'store.db');
  const first = openDatabase(file, [...coreMigrations, ...inventoryMigrations.filter((m) => m.version <= 21)]);
  const before = columns(first, 'inventory_items');
  first.prepare("INSERT INTO inventory_items (gen, sku, name, quantity, images) VALUES (0, 'A1', 'Blue coat', 2, '[]'), (1, 'B2', 'Old row', 1, '[]')").run();
  first.close();
  const db = openDatabase(file, [...coreMigrations, ...inventoryMigrations]);
  try {
    expect(columns(db, itemsTable(0))).toEqual(before);
    expect(columns(db, itemsTable(1))).toEqual(before);
    expect(before.map((c) => (c as { name: string }).name)).toEqual([...itemColumns]);
    expect(db.prepare(`SELECT sku, name, quantity FROM ${itemsTable(0)}`).all()).toEqual([{ sku: 'A1', name: 'Blue coat', quantity: 2 }]);
    expect(db.prepare('SELECT clock_start, newest_stamp FROM inventory_state').get()).toEqual({ clock_start: null, newest_stamp: null });
  } finally {
    db.close();
  }
});
