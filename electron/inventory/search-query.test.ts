import { describe, expect, it } from 'vitest';
import { matchExpression, oneEditApart, parseQuery, rowMatcher } from './search-query';

describe('reading what a person types', () => {
  it('takes "Consignor <id>" as the consignor, and the rest as words', () => {
    expect(parseQuery('Consignor 100009 blazer')).toEqual({ words: ['blazer'], consignor: '100009' });
    expect(matchExpression(parseQuery('consignor #77 "red"'))).toBe('"red"* consignor_id : "77"*');
    expect(parseQuery('consignor')).toEqual({ words: ['consignor'], consignor: null });
  });

  it('tells words one edit apart', () => {
    const cases: [string, string, boolean][] = [
      ['blazr', 'blazer', true], ['blazer', 'blazr', true], ['blazer', 'blazre', true], ['blazer', 'blazar', true],
      ['blazer', 'blazer', false], ['blazer', 'blaze', true], ['blazer', 'glazed', false], ['cardgan', 'cardigan', true], ['bots', 'boots', true], ['bots', 'bolts', true], ['bots', 'bats', true], ['ab', 'abcd', false],
    ];
    for (const [a, b, apart] of cases) expect(oneEditApart(a, b), `${a} / ${b}`).toBe(apart);
  });

  it('tests a row’s text the way the full-text index would: word prefixes, any case or accent', () => {
    const m = rowMatcher(parseQuery('cafe CRÈME'));
    expect(m(['CAFE01', 'Café Crème Teapot', null, null, null, null, null, null])).toBe(true);
    expect(m(['CAFE01', 'Cafeteria tray', 'creamer', null, null, null, null, null])).toBe(false);
    expect(rowMatcher(parseQuery('consignor 12'))(['X', 'thing', null, null, null, null, null, '1234'])).toBe(true);
    expect(rowMatcher(parseQuery('consignor 12'))(['12X', 'thing', null, null, null, null, null, '99'])).toBe(false);
  });
});
