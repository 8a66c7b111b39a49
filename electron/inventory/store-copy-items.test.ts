import { afterEach, describe, expect, it } from 'vitest';
import { SimpleConsignInventorySimulator } from '../simpleconsign/inventory-sim';
import { readItem, type InventoryRecord } from '../simpleconsign/inventory-response';
import { InventoryRepo } from './inventory-repo';
import { currentRows, goneItem, rowsOfSkus, rowToItem } from './store-copy-items';
import { tempDb } from './test-harness';

let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

const record = (raw: unknown): InventoryRecord => {
  const read = readItem(raw);
  if (!read.ok) throw new Error(read.reason);
  return read.record;
};

describe('a row of the copy as SimpleConsign sent it', () => {
  it('reads back as the same record: documented fields, fields the document does not list, and values that could not be read', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const repo = new InventoryRepo(t.db);
    const sim = new SimpleConsignInventorySimulator({ items: 200, changesPerMinute: 0 });
    const raws: unknown[] = sim.store.query({ ecommerceOnly: false, includeZero: true, includeInactive: false });
    raws.push(
      { sku: ' Odd-1 ', name: 'Odd', retail: 'twelve', quantity: 3, images: 'a.jpg, b.jpg', taxable: false, binLocation: { aisle: 4 } },
      { sku: 42, dicsount: 0.5, consignmentItem: true, ecommerceItem: false, state: 'A', lastUpdated: 1_700_000_000_000 },
    );
    const records = raws.map(record);
    repo.appendRows(repo.state().gen, records);
    const rows = [...currentRows(t.db, 50)].flat();
    expect(rows).toHaveLength(records.length);
    expect(rows.map((r) => record(rowToItem(r)))).toEqual(records);
  });

  it('finds the rows of given SKUs in any case, and a removed one reads as inactive', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const repo = new InventoryRepo(t.db);
    repo.appendRows(repo.state().gen, [record({ sku: 'AbC-1', name: 'one' }), record({ sku: 'x-2', name: 'two' })]);
    const found = rowsOfSkus(t.db, ['abc-1', 'X-2', 'gone']);
    expect([...found.keys()].sort()).toEqual(['abc-1', 'x-2']);
    expect(record(goneItem('gone'))).toMatchObject({ sku: 'gone', state: 'I' });
  });
});
