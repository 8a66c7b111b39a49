import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OrderRanks } from './order-ranks';

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, price INTEGER)');
  const add = db.prepare('INSERT INTO t (id, price) VALUES (?, ?)');
  for (const [id, price] of [[1, 30], [2, 10], [4, 20], [7, 10], [9, null]]) add.run(id, price);
  return new OrderRanks(db, 't');
}

describe('sort orders kept in memory', () => {
  const byPrice = 'i.price, i.id';

  it('sort found rows as the ORDER BY does, ties by id, and page them', () => {
    const ranks = table();
    expect(ranks.page(byPrice, [1, 2, 4, 7, 9], 0, 10)).toEqual([9, 2, 7, 4, 1]);
    expect(ranks.page(byPrice, [1, 4, 7], 1, 1)).toEqual([4]);
    expect(ranks.page('i.price DESC, i.id DESC', [1, 2, 4, 7], 0, 3)).toEqual([1, 4, 7]);
  });

  it('leave out ids that have no row instead of showing another row in their place', () => {
    expect(table().page(byPrice, [3, 1, 100, 2], 0, 10)).toEqual([2, 1]);
  });

  it('walk the order keeping the rows a test passes, from an offset', () => {
    const ranks = table();
    const odd = (id: number) => id % 2 === 1;
    expect(ranks.walk(byPrice, odd, 0, 10)).toEqual([9, 7, 1]);
    expect(ranks.walk(byPrice, odd, 1, 1)).toEqual([7]);
  });
});
