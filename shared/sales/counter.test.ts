import { describe, expect, it } from 'vitest';
import { formatTaxRate, parseTaxRate, taxAt } from './counter';

describe('tax rate', () => {
  it('reads a percentage to the thousandth, and refuses what is not one', () => {
    expect([parseTaxRate('8.25'), parseTaxRate('8.875%'), parseTaxRate(' 0 '), parseTaxRate('7.')]).toEqual([8250, 8875, 0, 7000]);
    expect([parseTaxRate('-1'), parseTaxRate('100'), parseTaxRate('8.2525'), parseTaxRate('abc')]).toEqual([null, null, null, null]);
    expect([formatTaxRate(8250), formatTaxRate(7000), formatTaxRate(8875)]).toEqual(['8.25', '7', '8.875']);
  });
  it('works out tax exactly, rounding half a cent up', () => {
    expect(taxAt(1000, 8250)).toBe(83); // 82.5 → 83
    expect(taxAt(999, 8250)).toBe(82); // 82.4175
    expect(taxAt(0, 8250)).toBe(0);
    expect(taxAt(99_999_999_999, 99_999)).toBe(99_998_999_999);
  });
});
