import { describe, expect, it } from 'vitest';
import { inventoryContract } from './inventory/contract';
import { historyInputSchema, recordReturnInputSchema, recordSaleInputSchema } from './sales/schemas';

const line = (over: Record<string, unknown> = {}) => ({ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false, ...over });
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('control characters in what staff type or scan', () => {
  it.each(['GF\u0000FY72', 'GF\nFY72', 'GF\u001b[31mFY72', 'GF\u007fFY'])('refuses the SKU %j', (sku) => {
    expect(messages(recordSaleInputSchema.safeParse({ lines: [line({ sku })], taxCents: 0 }))).toContain('SKUs cannot contain control characters (such as a line break, tab or NUL).');
  });

  it('refuses them in item names and order numbers', () => {
    expect(messages(recordSaleInputSchema.safeParse({ lines: [line({ name: 'Jacket\u0000\r\nINFO forged' })], taxCents: 0 }))).toContain(
      'Item names cannot contain control characters (such as a line break, tab or NUL).',
    );
    expect(recordSaleInputSchema.safeParse({ orderNumber: 'S1\u0000', lines: [line()], taxCents: 0 }).success).toBe(false);
    expect(recordReturnInputSchema.safeParse({ orderNumber: 'S\n1', lines: [{ saleLineId: 1, quantity: 1 }] }).success).toBe(false);
    expect(messages(historyInputSchema.safeParse({ orderNumber: 'S\u00001' }))).toContain('Order numbers cannot contain control characters (such as a line break, tab or NUL).');
    expect(inventoryContract.lookupSku.input.safeParse({ sku: 'A\u0000B' }).success).toBe(false);
  });

  it('still takes ordinary text, accents and all', () => {
    expect(recordSaleInputSchema.safeParse({ lines: [line({ sku: 'ÉTÉ-2026/β', name: 'Veste « été » — taille 40' })], taxCents: 0 }).success).toBe(true);
  });
});
