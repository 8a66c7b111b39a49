import { describe, expect, it } from 'vitest';
import { taxableFlag } from './inventory-taxable';

describe('taxableFlag', () => {
  it.each([
    [{ taxable: true }, true],
    [{ taxable: 'N' }, false],
    [{ isTaxable: 0 }, false],
    [{ tax_exempt: 'yes' }, false],
    [{ nonTaxable: false }, true],
    [{ TaxExempt: 'true' }, false],
    [{ weight: 1.5 }, null],
    [{ taxable: 'sometimes' }, null],
  ])('%j → %s', (extra, expected) => {
    expect(taxableFlag(extra)).toBe(expected);
  });
});
