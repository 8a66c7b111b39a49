import { describe, expect, it } from 'vitest';
import { centsToDecimal, lineTotal } from './money';

describe('money', () => {
  it('writes cents as a decimal without floating point drift', () => {
    expect(centsToDecimal(29)).toBe('0.29');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(123456789)).toBe('1234567.89');
  });

  it('refuses fractional cents', () => {
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
    expect(lineTotal(1299, 3)).toBe(3897);
  });
});
