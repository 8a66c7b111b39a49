import { describe, expect, it } from 'vitest';
import { inventoryAnswerSchema, readItem, type InventoryRecord } from './inventory-response';
import { SimInventoryStore } from './inventory-sim-store';

/** The two items of the document's own response sample, as printed (typo and missing commas aside). */
const cardigan = {
  consignmentItem: true,
  consignorId: '1234567',
  startDate: '10/03/2012',
  expireDate: '12/02/2012',
  status: 'ACTIVE',
  sku: 'K9L28Q',
  name: 'Cardigan',
  description: 'woman’s sweater',
  category: 'CLOTHING',
  quantity: 1,
  cost: 0,
  retail: 1000,
  buyersFee: 100,
  discount: 10,
  currentPrice: 990,
  doNotDiscount: false,
  familyGroup: 'women',
  brand: 'Fashionables!',
  size: 'med',
  color: 'black',
  images: [],
  dateCreated: 1497289834000,
  lastUpdated: 1510305307000,
};
const marioBros = {
  category: 'GAMES',
  consignmentItem: false,
  quantity: 4,
  cost: 718,
  retail: 1512,
  buyersFee: 0,
  dicsount: 0,
  currentPrice: 1512,
  sku: 'AW5NE7',
  name: 'Mario Bros.',
  dateCreated: 1500495930000,
  lastUpdated: 1501574262000,
};

function record(raw: unknown): InventoryRecord {
  const r = readItem(raw);
  if (!r.ok) throw new Error(r.reason);
  return r.record;
}

describe('reading inventory items', () => {
  it('reads every documented field of the document’s first sample, money as integer cents', () => {
    expect(record(cardigan)).toEqual({
      sku: 'K9L28Q', name: 'Cardigan', description: 'woman’s sweater', category: 'CLOTHING', brand: 'Fashionables!', size: 'med', color: 'black',
      familyGroup: 'women', consignment: true, consignorId: '1234567', startDate: '10/03/2012', expireDate: '12/02/2012', status: 'ACTIVE',
      state: null, ecommerce: null, quantity: 1, costCents: 0, retailCents: 1000, buyersFeeCents: 100, currentPriceCents: 990, discount: 10,
      doNotDiscount: false, images: [], dateCreated: 1497289834000, lastUpdated: 1510305307000, extra: {}, unreadable: {},
    });
  });

  it('takes the second sample’s `dicsount` as the discount and leaves absent fields absent', () => {
    const r = record(marioBros);
    expect(r.discount).toBe(0);
    expect(r.brand).toBeNull();
    expect(r.consignorId).toBeNull();
    expect(r.images).toEqual([]);
    expect(r.extra).toEqual({});
    expect(record({ ...marioBros, dicsount: 5, discount: 15 }).discount).toBe(15);
  });

  it('accepts images as a comma-separated string or an array, trimming blanks', () => {
    expect(record({ sku: 'A1', images: 'a.jpg, b.png,,c.JPEG ' }).images).toEqual(['a.jpg', 'b.png', 'c.JPEG']);
    expect(record({ sku: 'A1', images: ['a.jpg', ' ', 'b.gif'] }).images).toEqual(['a.jpg', 'b.gif']);
    expect(record({ sku: 'A1', images: '' }).images).toEqual([]);
    expect(record({ sku: 'A1', images: null }).images).toEqual([]);
  });

  it('reads numbers and flags sent as strings, and state and e-commerce flags', () => {
    const r = record({ sku: 42, quantity: '3', retail: '1999', consignmentItem: 'true', doNotDiscount: 'false', ecommerceItem: 1, state: 'I', lastUpdated: '1510305307000', discount: '12.5' });
    expect(r).toMatchObject({ sku: '42', quantity: 3, retailCents: 1999, consignment: true, doNotDiscount: false, ecommerce: true, state: 'I', lastUpdated: 1510305307000, discount: 12.5 });
  });

  it('keeps fields the document does not list in `extra`, untouched', () => {
    const r = record({ ...cardigan, weight: 1.5, dimensions: { l: 10, w: 4 }, location: 'Rack B' });
    expect(r.extra).toEqual({ weight: 1.5, dimensions: { l: 10, w: 4 }, location: 'Rack B' });
  });

  it('keeps an unreadable value aside instead of refusing the item, and never takes dollars for cents', () => {
    const r = record({ ...cardigan, retail: 42.42, quantity: 'lots', dateCreated: 'someday' });
    expect(r.retailCents).toBeNull();
    expect(r.quantity).toBeNull();
    expect(r.dateCreated).toBeNull();
    expect(r.unreadable).toEqual({ retail: 42.42, quantity: 'lots', dateCreated: 'someday' });
    expect(r.name).toBe('Cardigan');
    expect(r.currentPriceCents).toBe(990);
  });

  it('refuses only entries it cannot key: no SKU, or not an object', () => {
    expect(readItem({ name: 'no sku' })).toEqual({ ok: false, reason: 'an item without a SKU' });
    expect(readItem({ sku: '   ' })).toEqual({ ok: false, reason: 'an item without a SKU' });
    expect(readItem({ sku: { nested: true } })).toMatchObject({ ok: false, reason: expect.stringContaining('SKU cannot be read') });
    expect(readItem('K9L28Q')).toMatchObject({ ok: false });
    expect(readItem(null)).toMatchObject({ ok: false });
  });
});

describe('the quick path for the usual shape', () => {
  it('reads the simulated store’s items exactly as the liberal path does', () => {
    const items = new SimInventoryStore({ items: 400, changesPerMinute: 0 }).query({ ecommerceOnly: false, includeZero: true, includeInactive: true });
    for (const item of items) {
      // A quantity sent as a string is not the usual shape, so this copy goes through the liberal schema.
      const liberal = record({ ...item, quantity: String(item.quantity) });
      expect(record(item)).toEqual(liberal);
    }
  });

  it('falls back to the liberal reading for values the usual shape refuses', () => {
    expect(record({ sku: ' K1 ', state: 'Inactive', images: 'a.jpg' })).toMatchObject({ sku: 'K1', state: 'I', images: ['a.jpg'] });
    expect(record({ sku: 77, images: ['a.jpg', 5], consignmentItem: 1 })).toMatchObject({ sku: '77', images: ['a.jpg', '5'], consignment: true });
    expect(record({ sku: 'K2', quantity: 2 ** 60, retail: 12.5, discount: '10%' })).toMatchObject({ quantity: null, retailCents: null, discount: 10, unreadable: { quantity: 2 ** 60, retail: 12.5 } });
  });

  it('reads the usual shape with absent, null and blank values as the liberal path does', () => {
    const odd = { sku: ' K3 ', name: '  ', brand: null, size: undefined, images: ' a.jpg ,, b.png', discount: null, dicsount: 2.5, state: 'A', ecommerceItem: false, lastUpdated: 0 };
    // The last change sent as a string is not the usual shape: that copy is read by the liberal schema.
    expect(record(odd)).toEqual(record({ ...odd, lastUpdated: '0' }));
    expect(record(odd)).toMatchObject({ sku: 'K3', name: null, brand: null, size: null, images: ['a.jpg', 'b.png'], discount: 2.5, lastUpdated: 0 });
  });
});

describe('reading the whole answer', () => {
  it('gives the results list without reading each item yet', () => {
    const a = inventoryAnswerSchema.parse({ results: [cardigan, marioBros, 'junk'] });
    expect(a.results).toHaveLength(3);
    expect(a.error).toBeNull();
  });

  it('accepts a bare list and an empty list', () => {
    expect(inventoryAnswerSchema.parse([cardigan]).results).toHaveLength(1);
    expect(inventoryAnswerSchema.parse({ results: [] }).results).toEqual([]);
  });

  it('reads SimpleConsign’s error in the shapes it may take', () => {
    expect(inventoryAnswerSchema.parse({ success: false, error: 'Invalid API key' }).error).toBe('Invalid API key');
    expect(inventoryAnswerSchema.parse({ message: 'You have made too many API requests in the last ten minutes' }).error).toMatch(/too many/);
    expect(inventoryAnswerSchema.parse({ success: 'false', errorMessage: 'Category not found: HATS' }).error).toMatch(/HATS/);
  });

  it('refuses an answer with neither results nor an error', () => {
    expect(inventoryAnswerSchema.safeParse({ items: [] }).success).toBe(false);
    expect(inventoryAnswerSchema.safeParse({ results: 'none' }).success).toBe(false);
    expect(inventoryAnswerSchema.safeParse(null).success).toBe(false);
  });
});
