import { describe, expect, it } from 'vitest';
import { defaultStoreProfile } from '../../../shared/contract/store-profile';
import { formats } from '../../../shared/locale/formats';
import type { SaleDetail } from '../../../shared/sales/schemas';
import { receiptModel, refundReceiptModel } from './receipt-model';

const line = { saleLineId: 1, sku: 'A1', name: 'Lamp', unitPriceCents: 1250, quantity: 2, taxable: true };
const sale: SaleDetail = {
  id: 1,
  orderNumber: 'S261205GJDJ3',
  recordedAt: Date.UTC(2026, 11, 5, 12),
  lines: [{ ...line, returnedQuantity: 1, returnableQuantity: 1 }],
  nonTaxableCents: 0,
  taxableCents: 2500,
  taxCents: 206,
  totalCents: 2706,
  taxRefundableCents: 103,
  customer: null,
  deliveries: [],
  returns: [{ id: 7, recordedAt: Date.UTC(2026, 11, 6, 9), lines: [{ ...line, quantity: 1 }], nonTaxableCents: 0, taxableCents: 1250, taxCents: 103, totalCents: 1353, deliveries: [], reason: 'damaged', refundMethod: 'cash' }],
  payment: { method: 'cash', tenderedCents: 3000, changeCents: 294 },
  taxRateMilli: 8250,
};
const store = { ...defaultStoreProfile, name: 'Second Chance', address: '12 Harbour Road\nPortsmouth', phone: '555-0100', returnPolicy: 'Returns within 30 days.', receiptFooter: 'Thank you!' };

describe('receipts', () => {
  const en = formats({ locale: 'en-US', currency: 'USD' });

  it('carry the store’s details, the payment and the change, and never a placeholder for a missing name', () => {
    const r = receiptModel(sale, store, en);
    expect([r.title, r.storeName, r.storeLines]).toEqual(['Receipt', 'Second Chance', ['12 Harbour Road', 'Portsmouth', 'Tel. 555-0100']]);
    expect(r.lines).toEqual([{ text: '2 × Lamp (A1) @ $12.50 T', amount: '$25.00' }]);
    expect(r.totals.map((t) => `${t.label} ${t.amount}`)).toEqual(['Subtotal $25.00', 'Tax (8.25%) $2.06', 'Total $27.06', 'Paid by cash $30.00', 'Change $2.94']);
    expect(r.footer).toEqual(['T = taxable item', 'Returned since: $13.53', 'Returns within 30 days.', 'Thank you!']);
    const bare = receiptModel(sale, defaultStoreProfile, en);
    expect([bare.storeName, bare.storeLines]).toEqual(['', []]);
    expect(JSON.stringify(bare)).not.toContain('not set');
  });

  it('say what a return refunded, in the store’s format', () => {
    const de = formats({ locale: 'de-DE', currency: 'EUR' });
    const r = refundReceiptModel(sale, sale.returns[0], store, de);
    expect(r.title).toBe('Refund receipt');
    expect(r.lines).toEqual([{ text: '1 × Lamp (A1) T', amount: '12,50\u00a0€' }]);
    expect(r.totals.map((t) => `${t.label} ${t.amount}`.trim())).toEqual(['Items 12,50\u00a0€', 'Tax refunded 1,03\u00a0€', 'Refunded 13,53\u00a0€', 'Refund: cash']);
    expect(r.footer).toContain('Reason: Damaged or faulty');
  });
});
