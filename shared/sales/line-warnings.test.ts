import { describe, expect, it } from 'vitest';
import type { DraftLineData } from './counter';
import { dayOf, lineWarnings } from './line-warnings';

type Stock = NonNullable<DraftLineData['stock']>;
const line = ({ stock, ...over }: Partial<Omit<DraftLineData, 'stock'>> & { stock?: Partial<Stock> | null } = {}): DraftLineData => ({
  key: 1,
  sku: 'A1',
  name: 'Blazer',
  quantity: 1,
  unitPriceCents: 1000,
  taxable: true,
  ...over,
  stock: stock === null ? null : { onHand: 3, consignment: false, status: 'ACTIVE', expireDate: null, ...stock },
});
const today = dayOf('03/14/2026')!;

describe('lineWarnings', () => {
  it('says nothing of a line that can be sold, or of an item sold by hand', () => {
    expect(lineWarnings(line(), [line()], today)).toEqual([]);
    expect(lineWarnings(line({ stock: null }), [], today)).toEqual([]);
  });
  it('counts every line of the same SKU against what is on hand', () => {
    const a = line({ quantity: 2 });
    const b = line({ key: 2, sku: 'a1', quantity: 2 });
    expect(lineWarnings(a, [a, b], today)).toEqual(['Only 3 on hand']);
  });
  it('names a sold-out consignment item, an item on hold and an expired consignment', () => {
    const l = line({ stock: { onHand: 0, consignment: true, status: 'ON HOLD', expireDate: '03/13/2026' } });
    expect(lineWarnings(l, [l], today)).toEqual(['Sold out: this consignment item has none left', 'On hold', 'Consignment expired on 03/13/2026']);
  });
  it('does not call a consignment expiring today expired, and reads an EXPIRED status', () => {
    const l = line({ stock: { consignment: true, expireDate: '03/14/2026' } });
    expect(lineWarnings(l, [l], today)).toEqual([]);
    const s = line({ stock: { consignment: true, status: 'EXPIRED' } });
    expect(lineWarnings(s, [s], today)).toEqual(['Consignment expired']);
  });
});
