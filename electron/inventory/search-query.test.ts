import Database from 'better-sqlite3';
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

  it('agrees with the full-text index on every row: ASCII and accented text, any case, words across columns', () => {
    const db = new Database(':memory:');
    const cols = ['sku', 'name', 'description', 'brand', 'category', 'color', 'size', 'consignor_id'];
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(${cols.join(', ')}, tokenize='unicode61 remove_diacritics 2')`);
    const bits = ['Tea', 'pot', 'CAFÉ', 'crème', 'Leather', 'leat', 'wool-blend', "Levi's", '501', 'Straße', 'ÉCRU', 'x', 'Señor', 'jean', 'İzmir', '№7', ''];
    let seed = 7;
    const pick = () => bits[(seed = (seed * 48271) % 2147483647) % bits.length];
    const insert = db.prepare(`INSERT INTO t (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
    const rows: (string | null)[][] = [];
    for (let id = 1; id <= 400; id++) {
      const row = cols.map((_, c) => (c % 3 === 2 && id % 4 === 0 ? null : [pick(), pick(), pick()].join(id % 2 ? ' ' : '')));
      rows.push(row);
      insert.run(id, ...row);
    }
    const asked = ['tea', 'teapot', 'pot', 'cafe', 'CRÈME', 'creme', 'leat', 'wool blend', 'levi s', 'strasse', 'straße', 'ecru', 'senor', 'izmir', 'jean 501', 'consignor tea', 'consignor 50', 'x'];
    for (const text of asked) {
      const q = parseQuery(text);
      const fts = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(matchExpression(q)) as number[];
      const test = rowMatcher(q);
      expect(rows.flatMap((r, i) => (test(r) ? [i + 1] : [])), text).toEqual(fts);
    }
  });
});
