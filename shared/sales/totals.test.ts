import { describe, expect, it } from 'vitest';
import { proportionalTax, totalsOf } from './totals';

describe('sale totals', () => {
  it('splits taxable and non-taxable amounts like the SimpleConsign example', () => {
    const t = totalsOf(
      [
        { unitPriceCents: 5400, quantity: 1, taxable: false },
        { unitPriceCents: 1299, quantity: 2, taxable: false },
      ],
      0,
    );
    expect(t).toEqual({ nonTaxableCents: 7998, taxableCents: 0, taxCents: 0, totalCents: 7998 });
  });

  it('adds tax to the total only once', () => {
    const t = totalsOf(
      [
        { unitPriceCents: 1000, quantity: 3, taxable: true },
        { unitPriceCents: 250, quantity: 1, taxable: false },
      ],
      240,
    );
    expect(t).toEqual({ nonTaxableCents: 250, taxableCents: 3000, taxCents: 240, totalCents: 3490 });
  });
});

describe('proportional tax on a return', () => {
  it('refunds the share of the taxable amount returned, rounded half up', () => {
    expect(proportionalTax(3000, 240, 1000, 240)).toBe(80);
    expect(proportionalTax(3000, 100, 1000, 100)).toBe(33);
    expect(proportionalTax(2, 1, 1, 1)).toBe(1);
  });

  it('never refunds more than is left and nothing for untaxed items', () => {
    expect(proportionalTax(3000, 240, 3000, 200)).toBe(200);
    expect(proportionalTax(3000, 240, 0, 240)).toBe(0);
    expect(proportionalTax(0, 0, 500, 0)).toBe(0);
  });

  it('stays exact for very large amounts', () => {
    expect(proportionalTax(9_000_000_000, 720_000_000, 4_500_000_000, 720_000_000)).toBe(360_000_000);
  });
});
