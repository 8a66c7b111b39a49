import { describe, expect, it } from 'vitest';
import { centsToDecimal, formatDollars, lineTotal, parseDollars } from './money';

describe('money', () => {
  it.each([
    ['19.99', 1999],
    ['0.1', 10],
    ['$1,299.00', 129900],
    ['12', 1200],
    ['-3.05', -305],
    ['0.29', 29],
    ['1.005', null],
    ['abc', null],
    ['', null],
  ])('parses %s', (text, cents) => expect(parseDollars(text)).toBe(cents));

  it('formats cents without floating point drift', () => {
    expect(centsToDecimal(29)).toBe('0.29');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(formatDollars(123456789)).toBe('$1,234,567.89');
    expect(formatDollars(-1999)).toBe('-$19.99');
  });

  it('round-trips every cent value in a range', () => {
    for (let c = -1000; c <= 100000; c += 7) expect(parseDollars(centsToDecimal(c))).toBe(c);
  });

  it('refuses fractional cents', () => {
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
    expect(lineTotal(1299, 3)).toBe(3897);
  });
});
