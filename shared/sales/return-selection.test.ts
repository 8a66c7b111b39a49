import { describe, expect, it } from 'vitest';
import { formats } from '../locale/formats';
import { returnSelection } from './return-selection';
import type { SaleDetail } from './schemas';

const sale = {
  id: 1,
  orderNumber: 'A1',
  recordedAt: 0,
  lines: [
    { saleLineId: 10, sku: 'T', name: 'Taxed', unitPriceCents: 1000, quantity: 3, taxable: true, returnedQuantity: 1, returnableQuantity: 2 },
    { saleLineId: 11, sku: 'N', name: 'Untaxed', unitPriceCents: 250, quantity: 2, taxable: false, returnedQuantity: 0, returnableQuantity: 2 },
  ],
  nonTaxableCents: 500,
  taxableCents: 3000,
  taxCents: 240,
  totalCents: 3740,
  taxRefundableCents: 160,
  customer: null,
  deliveries: [],
  returns: [],
} satisfies SaleDetail;

const en = formats({ locale: 'en-US', currency: 'USD' });
const de = formats({ locale: 'de-DE', currency: 'EUR' });

describe('returnSelection', () => {
  it('suggests the proportional tax and totals the refund', () => {
    const s = returnSelection(sale, { 10: '1', 11: '2' }, null, en);
    expect(s.chosen).toEqual([
      { saleLineId: 10, quantity: 1 },
      { saleLineId: 11, quantity: 2 },
    ]);
    expect([s.suggestedTaxCents, s.taxCents, s.totalCents, s.ready]).toEqual([80, 80, 1580, true]);
  });

  it('marks more than is left, or a fraction, as invalid and is not ready', () => {
    const s = returnSelection(sale, { 10: '3', 11: '1.5' }, null, en);
    expect([...s.invalid]).toEqual([
      [10, 'At most 2 can be returned.'],
      [11, '“1.5” cannot be read: the quantity is a whole number.'],
    ]);
    expect(s.ready).toBe(false);
  });

  it('takes typed tax in dollars, and refuses text that is not an amount', () => {
    expect(returnSelection(sale, { 10: '2' }, '1.50', en).taxCents).toBe(150);
    expect(returnSelection(sale, { 10: '2' }, 'lots', en)).toMatchObject({ taxCents: null, ready: false });
    expect(returnSelection(sale, {}, null, en).ready).toBe(false);
    // A decimal comma is read as the workstation writes it, never as a thousands mark.
    expect(returnSelection(sale, { 10: '2' }, '1,50', de).taxCents).toBe(150);
    expect(returnSelection(sale, { 10: '2' }, '1,50', en).taxCents).toBe(150);
    expect(returnSelection(sale, { 10: '2' }, '1,2,3', de).taxProblem).toContain('is not an amount');
  });
  it('refuses more tax than is left to refund, saying how much is left', () => {
    const s = returnSelection(sale, { 10: '2' }, '1.61', en);
    expect([s.taxCents, s.ready, s.taxProblem]).toEqual([null, false, 'At most $1.60 of this sale’s tax is left to refund.']);
  });
});
