import { describe, expect, it } from 'vitest';
import { centsToDollarNumber, centsToDollars, dollarsToCents } from './money';

describe('HeavyTruckParts amounts', () => {
  it('reads decimal dollars as numbers or strings into exact cents', () => {
    const cases: [unknown, number | null][] = [
      [1250.5, 125050], ['1250.50', 125050], ['$1,250.50', 125050], [0.1 + 0.2, 30], ['19.99', 1999], [19.99, 1999], ['12', 1200], ['.5', 50],
      ['12.345', 1235], ['12.344', 1234], ['-3.10', -310], [1e-7, 0], ['', null], ['N/A', null], [null, null], [undefined, null], [true, null], ['1,2,3', null],
    ];
    for (const [input, cents] of cases) expect(dollarsToCents(input), String(input)).toBe(cents);
  });

  it('writes cents as decimal dollars that read back to the same cents', () => {
    for (const cents of [0, 1, 10, 99, 100, 125050, 1999, 99_999_999_99]) {
      expect(dollarsToCents(centsToDollars(cents))).toBe(cents);
      expect(dollarsToCents(centsToDollarNumber(cents))).toBe(cents);
    }
    expect(centsToDollars(125050)).toBe('1250.50');
    expect(JSON.stringify(centsToDollarNumber(1999))).toBe('19.99');
  });
});
