import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LocalSale } from '../../../shared/heavytruckparts/records';
import { saleSheet, type SheetSource } from './sale-sheet';
import { saleSheetPdf } from './sale-sheet-pdf';

const address = { contact: 'Alex Morgan', company: 'Prairie Freight', email: 'alex@prairiefreight.example', street: '1 Dock Rd', city: 'Lincoln', state: 'NE', postalCode: '68503', country: 'US', phone: '402-555-0100', fax: '' };
const source: SheetSource = {
  lines: [
    { vendorId: '101', store: '1', inventoryId: '70001', label: 'Engine Assembly · T-1', quantity: 1, priceCents: 1057500, corePriceCents: 200000, shippingCents: null, taxCents: null },
    { vendorId: '102', store: '2', inventoryId: '70002', label: 'Turbocharger · T-2', quantity: 2, priceCents: 120000, corePriceCents: null, shippingCents: 5000, taxCents: null },
  ],
  billing: address,
  shipping: address,
  shippingMethod: 'Standard',
  comments: 'Call before delivery',
  poNumber: 'PO-4411',
  userId: '5001',
  saleDate: '',
};
const now = new Date(Date.UTC(2026, 5, 1, 15));

describe('quotes and confirmations', () => {
  it('a quote counts every line with its core, shipping and tax', () => {
    const s = saleSheet('quote', source, null, now);
    expect(s.title).toBe('Quote');
    expect(s.totals).toEqual([
      { label: 'Parts', amount: '$12,975.00' },
      { label: 'Core charges', amount: '$2,000.00' },
      { label: 'Shipping', amount: '$100.00' },
      { label: 'Total', amount: '$15,075.00', strong: true },
    ]);
    expect(s.lines.map((l) => l.amount)).toEqual(['$12,575.00', '$2,500.00']);
    expect(s.reference).toContain('PO PO-4411');
    expect(s.fileName).toBe('quote-2026-06-01-PO-4411.pdf');
  });

  it('a confirmation names the transaction and leaves out the lines HeavyTruckParts refused', () => {
    const sale = { ...source, id: 3, state: 'partial', onlineTransactionId: '880001', answer: { onlineTransactionId: '880001', created: '2026-06-01 10:00:00', errors: [{ vendorId: '102', store: '2', inventoryId: '70002', code: 'ERR_NOT_AVAILABLE', meaning: '', vendorMessage: null }] } } as unknown as LocalSale;
    const s = saleSheet('confirmation', sale, sale, now);
    expect(s.reference[0]).toBe('Online transaction 880001 at HeavyTruckParts');
    expect(s.lines[1].amount).toBe('not added');
    expect(s.totals.at(-1)).toEqual({ label: 'Total', amount: '$12,575.00', strong: true });
    expect(s.fileName).toBe('confirmation-880001.pdf');
  });

  it('comes out as a PDF whose title names it, on as many pages as its lines need', async () => {
    const many = { ...source, lines: Array.from({ length: 90 }, (_, i) => ({ ...source.lines[0], inventoryId: String(80000 + i), label: `Part ${i} with a long enough name to wrap across the width of the page, as vendors write them` })) };
    const pdf = await PDFDocument.load(await saleSheetPdf(saleSheet('quote', many, null, now)));
    expect(pdf.getTitle()).toMatch(/^Quote - Prepared /);
    expect(pdf.getSubject()).toContain('PO PO-4411');
    expect(pdf.getPageCount()).toBeGreaterThan(2);
  });
});
