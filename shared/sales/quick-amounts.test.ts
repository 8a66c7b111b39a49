import { describe, expect, it } from 'vitest';
import { quickCashAmounts } from './quick-amounts';

describe('quick cash amounts', () => {
  it.each([
    [1250, [1500, 2000, 5000]],
    [2000, [5000, 10000]],
    [9999, [10000]],
    [4, [500, 1000, 2000]],
    [12345, [12500, 13000, 14000]],
  ])('for a total of %i cents: %j', (total, amounts) => expect(quickCashAmounts(total)).toEqual(amounts));
});
