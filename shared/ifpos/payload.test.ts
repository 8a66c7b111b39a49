import { describe, expect, it } from 'vitest';
import { centsToDecimal } from '../money';
import { buildIfposPayload, dollars, ifposPayloadJson, type IfposSaleInput } from './payload';

const dealer = { apiKey: 'dealer-key', showroomId: ' SHOWROOM-1 ', employeeId: 'EMP-100' };
const at = Date.UTC(2026, 4, 1, 15, 30);

const sale = (over: Partial<IfposSaleInput> = {}): IfposSaleInput => ({
  orderNumber: 'S-1001',
  recordedAt: at,
  lines: [
    { sku: 'SOFA-9', name: 'Sofa', unitPriceCents: 129900, quantity: 1 },
    { sku: 'PILLOW', name: 'Pillow', unitPriceCents: 1234, quantity: 2 },
  ],
  returns: [],
  ...over,
});

/** What JSON writes for an exact decimal: no trailing zeros after the point. */
const literal = (cents: number) => centsToDecimal(cents).replace(/\.?0+$/, '') || '0';

describe('IFPOS payload', () => {
  it('reports a new sale with its items, excluding tax', () => {
    const payload = buildIfposPayload(sale(), dealer);
    expect(payload).toEqual({
      APIKey: 'dealer-key',
      ShowroomID: 'SHOWROOM-1',
      EmployeeID: 'EMP-100',
      SaleID: 'S-1001',
      SaleDate: '2026-05-01T15:30:00.000Z',
      SaleAmount: 1323.68,
      LineItems: [
        { SKU: 'SOFA-9', Description: 'Sofa', Quantity: 1, UnitPrice: 1299, Amount: 1299 },
        { SKU: 'PILLOW', Description: 'Pillow', Quantity: 2, UnitPrice: 12.34, Amount: 24.68 },
      ],
      Credits: [],
    });
  });

  it('re-sends a modified sale with each return as credit lines and the net amount', () => {
    const returns = [
      { transactionId: 7, recordedAt: at + 86_400_000, lines: [{ sku: 'PILLOW', name: 'Pillow', unitPriceCents: 1234, quantity: 1 }] },
      { transactionId: 9, recordedAt: at + 2 * 86_400_000, lines: [{ sku: 'SOFA-9', name: 'Sofa', unitPriceCents: 129900, quantity: 1 }] },
    ];
    const payload = buildIfposPayload(sale({ returns }), dealer);
    expect(payload.SaleAmount).toBe(12.34);
    expect(payload.LineItems).toHaveLength(2);
    expect(payload.Credits).toEqual([
      { CreditID: '7', CreditDate: '2026-05-02T15:30:00.000Z', SKU: 'PILLOW', Description: 'Pillow', Quantity: 1, UnitPrice: 12.34, Amount: 12.34 },
      { CreditID: '9', CreditDate: '2026-05-03T15:30:00.000Z', SKU: 'SOFA-9', Description: 'Sofa', Quantity: 1, UnitPrice: 1299, Amount: 1299 },
    ]);
  });

  it('writes exact decimal number literals on the wire', () => {
    const text = ifposPayloadJson(buildIfposPayload(sale({ lines: [{ sku: 'A', name: 'A', unitPriceCents: 1234, quantity: 1 }] }), dealer));
    expect(text).toContain('"SaleAmount":12.34,');
    expect(text).toContain('"UnitPrice":12.34,');
    // 0.1 + 0.2 style drift never appears: the literal is the amount itself, for every cent value here.
    const drift: number[] = [];
    for (let c = 0; c <= 300_000; c += 1) if (JSON.stringify(dollars(c)) !== literal(c)) drift.push(c);
    for (const c of [-1999, 99_999_999_999_99, 123_456_789_012_34]) if (JSON.stringify(dollars(c)) !== literal(c)) drift.push(c);
    expect(drift).toEqual([]);
    expect(JSON.stringify(dollars(123_456_789_012_34))).toBe('123456789012.34');
  });

  it('refuses amounts that are not whole cents or too large to send exactly', () => {
    expect(() => dollars(12.5)).toThrow(RangeError);
    expect(() => dollars(1e15)).toThrow(RangeError);
  });
});
