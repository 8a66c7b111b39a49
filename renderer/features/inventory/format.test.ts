import { describe, expect, it } from 'vitest';
import { countText } from './format';

describe('the result count', () => {
  it('says "10,000+" when the words matched more than were counted, and the exact number otherwise', () => {
    expect(countText(10_000, false)).toBe('10,000+ items');
    expect(countText(6_900, false)).toBe('6,900+ items');
    expect(countText(38_552, true)).toBe('38,552 items');
    expect(countText(1, true)).toBe('1 item');
    expect(countText(1, false)).toBe('1+ items');
    expect(countText(0, true)).toBe('0 items');
  });
});
