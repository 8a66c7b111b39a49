import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { matchExpression, oneEditApart, parseQuery, ROW_SEPARATOR, rowTextMatcher, rowTextSql } from './search-query';

const cols = ['sku', 'name', 'description', 'brand', 'category', 'color', 'size', 'consignor_id'];

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

  it('tests a row’s text the way the full-text index would: word prefixes, any case or accent, the consignor on its own column', () => {
    const db = new Database(':memory:');
    const text = (...columns: (string | null)[]) => db.prepare(`SELECT ${rowTextSql(cols, 'consignor_id')} FROM (SELECT ${cols.map((c) => `? AS ${c}`).join(', ')})`).pluck().get(...columns) as string;
    const m = rowTextMatcher(parseQuery('cafe CRÈME'));
    expect(m(text('CAFE01', 'Café Crème Teapot', null, null, null, null, null, null))).toBe(true);
    expect(m(text('CAFE01', 'Cafeteria tray', 'creamer', null, null, null, null, null))).toBe(false);
    expect(rowTextMatcher(parseQuery('consignor 12'))(text('X', 'thing', null, null, null, null, null, '1234'))).toBe(true);
    expect(rowTextMatcher(parseQuery('consignor 12'))(text('12X', 'thing', null, null, null, null, null, '99'))).toBe(false);
    expect(rowTextMatcher(parseQuery('consignor 12'))(text('12X', 'thing', null, null, null, null, null, null))).toBe(false);
    // A separator inside a column neither splits the row nor moves the consignor's column.
    expect(rowTextMatcher(parseQuery('consignor 12'))(text('\x1f12', 'a\x1eb', null, null, null, null, null, '7'))).toBe(false);
    expect(rowTextMatcher(parseQuery('consignor 12'))(text('\x1f12', 'a\x1eb', null, null, null, null, null, '7\x1f12'))).toBe(true);
    expect(text('a\x1eb', null, null, null, null, null, null, null).split(ROW_SEPARATOR)).toHaveLength(1);
  });

  it('agrees with the full-text index on every row: ASCII and accented text, any case, words across columns, a batch read as one value', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE items (id INTEGER PRIMARY KEY, ${cols.join(', ')})`);
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(${cols.join(', ')}, content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`);
    const bits = ['Tea', 'pot', 'CAFÉ', 'crème', 'Leather', 'leat', 'wool-blend', "Levi's", '501', 'Straße', 'ÉCRU', 'x', 'Señor', 'jean', 'İzmir', '№7', '', '\x1e', '\x1f', '𝒜b', 'ǅemal', '№7', 'ﬁne', 'Children’s', '—Wool', 'x…y'];
    let seed = 7;
    const pick = () => bits[(seed = (seed * 48271) % 2147483647) % bits.length];
    const insert = db.prepare(`INSERT INTO items (id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
    for (let id = 1; id <= 400; id++) insert.run(id, ...cols.map((_, c) => (c % 3 === 2 && id % 4 === 0 ? null : [pick(), pick(), pick()].join(id % 2 ? ' ' : ''))));
    db.exec("INSERT INTO t (t) VALUES ('rebuild')");
    const [ids, batch] = db.prepare(`SELECT json_group_array(id), group_concat(${rowTextSql(cols, 'consignor_id')}, char(30)) FROM items`).raw().get() as [string, string];
    const texts = batch.split(ROW_SEPARATOR);
    expect(texts).toHaveLength(400);
    const asked = ['tea', 'teapot', 'pot', 'cafe', 'CRÈME', 'creme', 'leat', 'wool blend', 'levi s', 'strasse', 'straße', 'ecru', 'senor', 'izmir', 'jean 501', 'consignor tea', 'consignor 50', 'x', 'b', 'emal', 'dzemal', 'ǆemal', 'no', 'fine', '7', 'children', 's', 'wool', 'y'];
    for (const typed of asked) {
      const q = parseQuery(typed);
      const fts = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(matchExpression(q)) as number[];
      const test = rowTextMatcher(q);
      expect((JSON.parse(ids) as number[]).filter((_, i) => test(texts[i])), typed).toEqual(fts);
    }
  });
});
