import { describe, expect, it } from 'vitest';
import { readItem } from './inventory-response';
import { readRow, rowValues, usualRow } from './inventory-row';
import { SimInventoryStore } from './inventory-sim-store';

const liberal = (raw: unknown) => {
  const read = readItem(raw);
  return read.ok ? rowValues(read.record) : null;
};

describe('an item’s stored row in one pass', () => {
  it('holds exactly what the liberal reading stores, for every item of the simulated store', () => {
    const items = new SimInventoryStore({ items: 600, changesPerMinute: 0 }).query({ ecommerceOnly: false, includeZero: true, includeInactive: true });
    let quick = 0;
    for (const item of items) {
      const row = usualRow(item);
      if (row) quick += 1;
      expect(row ?? liberal(item)).toEqual(liberal(item));
    }
    expect(quick).toBe(items.length);
  });

  it('holds the same for absent, null, blank and padded values, unlisted fields and the sample’s typo', () => {
    const odd = { sku: ' K3 ', name: '  ', brand: null, size: undefined, images: ' a.jpg ,, b.png', discount: null, dicsount: 2.5, state: 'A', ecommerceItem: false, lastUpdated: 0, weight: 1.5, tags: ['x'] };
    expect(usualRow(odd)).toEqual(liberal(odd));
    expect(usualRow(odd)).toEqual(['K3', null, null, null, null, null, null, null, null, null, null, null, null, 'A', 0, null, null, null, null, null, 2.5, null, '["a.jpg","b.png"]', null, 0, '{"weight":1.5,"tags":["x"]}', '{}']);
  });

  it('leaves other shapes to the liberal reading, which keeps what it cannot read and says why an entry is skipped', () => {
    for (const raw of [{ sku: 77, quantity: '2' }, { sku: 'K1', state: 'Inactive' }, { sku: 'K2', retail: 12.5 }, { sku: 'K4', images: ['a.jpg', 5] }]) {
      expect(usualRow(raw)).toBeNull();
      expect(readRow(raw)).toEqual({ ok: true, row: liberal(raw) });
    }
    expect(readRow({ sku: '   ' })).toEqual({ ok: false, reason: 'an item without a SKU' });
    expect(readRow('K9L28Q')).toMatchObject({ ok: false, reason: 'an entry that is not an item object' });
  });
});
