import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../store-server/testing/test-server';
import { adminSql, storeComputer, type StoreComputer } from './store-test-computer';
import { storeOrderCounter } from '../../shared/sales/order-number';
import { StoreAwayError, type StoreLink } from '../core/store-link';
import { FakeDestination, makeSalesHarness, saleInput, type HarnessOptions, type SalesHarness } from '../sales/test-support';

const computer = (name: string) => storeComputer(`share-${name}`, 500);

const destinations = () => [new FakeDestination('simpleconsign', 'SimpleConsign'), new FakeDestination('ifpos', 'IFPOS')];
const history = (h: SalesHarness) => h.feature.views.history({ page: 1, pageSize: 100 }).rows;

let server: StoreComputer;
let register: StoreComputer;
const harnesses: SalesHarness[] = [];
let port: number;

/**
 * A workstation's sales over its store link, once its first look at the server is done. It looks without
 * being woken only once a minute, so a change arrives by NOTIFY. Each new one on the same computer is a new
 * store file under the same workstation, as a restored backup would be: its counter is brought up first.
 */
async function workstation(on: StoreComputer, dests = destinations(), opts: HarnessOptions = {}) {
  // A backup is restored once what the store file before it recorded has reached the server (or been cut off).
  for (const earlier of harnesses) await earlier.feature.share.settle();
  const h = makeSalesHarness(dests, { store: on.service.linkFor('training'), shareIntervalMs: 60_000, ...opts });
  harnesses.push(h);
  // Its first round with the server answering checks its counter against the server's, before any sale here. The
  // server being reachable does not say that round got through (a busy server may fail it); its first copy of the
  // store's records, which a round makes only after the counter check, does.
  await vi.waitFor(async () => {
    await h.feature.share.settle();
    const view = h.feature.share.view();
    if (!view?.live || view.copiedAt === null) h.feature.share.nudge();
    expect(h.feature.share.view()).toMatchObject({ live: true, copiedAt: expect.any(Number) });
  }, { timeout: 20_000, interval: 100 });
  await h.feature.share.settle();
  return { h, dests };
}

/** A workstation's link to the server that a test can cut (a pulled cable: every statement fails as away), noting each statement sent. */
function cuttable(link: StoreLink) {
  const cable = { cut: false, statements: [] as string[] };
  const away = () => Promise.reject(new StoreAwayError('The store server does not answer.'));
  const note = (sql: string) => void cable.statements.push(sql.replace(/\s+/g, ' '));
  const query: StoreLink['query'] = (sql, params) => (note(sql), link.query(sql, params));
  const transaction: StoreLink['transaction'] = (work) => link.transaction((q) => work({ query: (sql, params) => (note(sql), q.query(sql, params)) }));
  const proxy = new Proxy(link, {
    get(target, prop) {
      if (cable.cut && (prop === 'query' || prop === 'transaction')) return away;
      if (cable.cut && prop === 'reachable') return () => false;
      if (prop === 'query') return query;
      if (prop === 'transaction') return transaction;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { cable, link: proxy };
}

/** Runs SQL on the server as its administrator (the test's view of what the server holds). */
const serverSql = <R>(text: string, params: unknown[] = []) => adminSql<R>(server, port, text, params);

beforeAll(async () => {
  server = computer('server');
  register = computer('register');
  port = await freePort();
  await server.service.setUpBundledServer({ storeName: 'Main Street', workstationName: 'Counter 1', listen: ['127.0.0.1'], port, tls: false });
  const { pairing } = await server.service.newPairingCode();
  await register.service.join({ address: `127.0.0.1:${port}`, code: pairing!.code, workstationName: 'Counter 2', tls: 'off' });
}, 120_000);

afterAll(async () => {
  for (const h of harnesses) await h.close();
  await register?.close();
  await server?.close();
}, 60_000);

describe('sales shared through the store server', () => {
  it('numbers each workstation’s sales from its own prefix and counter', async () => {
    const a = await workstation(server);
    const b = await workstation(register);
    expect((await a.h.feature.service.recordSale(saleInput())).orderNumber).toBe('S01000001');
    expect((await a.h.feature.service.recordSale(saleInput())).orderNumber).toBe('S01000002');
    expect((await b.h.feature.service.recordSale(saleInput())).orderNumber).toBe('S02000001');
  });

  it('shows a sale of one workstation in the other’s History, woken by NOTIFY; a return recorded there comes back', async () => {
    const a = await workstation(server);
    const b = await workstation(register);
    const sale = await a.h.feature.service.recordSale(saleInput(undefined, [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 2, taxable: false }]));
    await vi.waitFor(() => expect(history(b.h).find((r) => r.orderNumber === sale.orderNumber)).toMatchObject({ kind: 'SALE', recordedOn: '01', totalCents: 10_800 }), { timeout: 10_000 });
    // Found by the return search and reprinted there, and returned there.
    const there = b.h.feature.views.sale({ orderNumber: sale.orderNumber });
    expect(there.lines.map((l) => [l.sku, l.quantity])).toEqual([['GFFY72', 2]]);
    await b.h.feature.service.recordReturn({ orderNumber: sale.orderNumber, lines: [{ saleLineId: there.lines[0].saleLineId, quantity: 1 }], taxCents: 0 });
    await vi.waitFor(() => expect(history(a.h).filter((r) => r.orderNumber === sale.orderNumber).map((r) => [r.kind, r.recordedOn ?? null])).toEqual([['RETURN', '02'], ['SALE', null]]), { timeout: 10_000 });
    // The return is delivered by the workstation that recorded it, to the vendors the sale went to; never by the other.
    await vi.waitFor(() => expect(b.dests[0].sent()).toContain(`RETURN ${sale.orderNumber}#1`), { timeout: 10_000 });
    expect(a.dests[0].sent().filter((s) => s.startsWith('RETURN'))).toEqual([]);
    expect(b.dests[0].sent().filter((s) => s.startsWith('SALE'))).toEqual([]);
    expect(a.h.feature.views.sale({ orderNumber: sale.orderNumber }).lines[0].returnableQuantity).toBe(1);
  });

  it('forwards each record exactly once when the server’s answer is lost and when the app dies after the server took it', async () => {
    let lose = 0;
    const a = await workstation(server, destinations(), {
      afterCommit: () => {
        lose += 1;
        // Every other answer is lost on its way back: the server committed, this workstation does not know.
        if (lose % 2 === 1) throw new Error('connection reset after COMMIT');
      },
    });
    const numbers: string[] = [];
    for (let i = 0; i < 6; i++) numbers.push((await a.h.feature.service.recordSale(saleInput())).orderNumber);
    // A crash between the server's commit and the local note: the next start sends it again.
    a.h.feature.share.nudge();
    await a.h.feature.share.settle();
    await a.h.feature.stop?.();
    const fresh = a.h.restart();
    await vi.waitFor(async () => {
      fresh.share.nudge();
      await fresh.share.settle();
      expect(a.h.core.db.prepare('SELECT COUNT(*) FROM sales WHERE origin IS NULL AND shared_at IS NULL').pluck().get()).toBe(0);
    }, { timeout: 20_000 });
    const rows = await serverSql<{ order_number: string; n: string }>('SELECT order_number, COUNT(*) AS n FROM training.sales WHERE order_number = ANY($1) GROUP BY order_number ORDER BY order_number', [numbers]);
    expect(rows.map((r) => [r.order_number, Number(r.n)])).toEqual(numbers.map((n) => [n, 1]));
    expect(lose).toBeGreaterThan(numbers.length);
  });

  it('says a restored backup was behind the server, and numbers on after the server’s last number', async () => {
    const a = await workstation(server);
    const first = (await a.h.feature.service.recordSale(saleInput())).orderNumber;
    a.h.feature.share.nudge();
    await a.h.feature.share.settle();
    const backup = path.join(a.h.dataDir, 'backup.db');
    a.h.core.db.exec(`VACUUM INTO '${backup}'`);
    const later = [await a.h.feature.service.recordSale(saleInput()), await a.h.feature.service.recordSale(saleInput())].map((s) => s.orderNumber);
    a.h.feature.share.nudge();
    await a.h.feature.share.settle();
    await a.h.feature.stop?.();

    const restored = await workstation(server, destinations(), { from: backup });
    const [local, seen] = [first, later[1]].map((n) => storeOrderCounter('01', n));
    expect((await server.service.status()).notices.join(' ')).toContain(`it had used up to ${local}, the server has seen ${seen}`);
    const next = await restored.h.feature.service.recordSale(saleInput());
    expect(next.orderNumber > later[1]).toBe(true);
    // The sales made after the backup come back from the server, as the store's.
    await vi.waitFor(() => expect(history(restored.h).map((r) => r.orderNumber)).toEqual(expect.arrayContaining(later)), { timeout: 10_000 });
  });

  it('flags a one-off item two workstations sold while one was cut off, on both screens, until a person settles it', async () => {
    await serverSql(`INSERT INTO training.inventory_items (sku_key, item, change) VALUES ('oneoff7', $1, 1), ('stock7', $2, 1)`, [
      JSON.stringify({ sku: 'ONEOFF7', name: 'Wool coat', quantity: 1 }),
      JSON.stringify({ sku: 'STOCK7', name: 'Socks', quantity: 6 }),
    ]);
    const lines = [{ sku: 'ONEOFF7', name: 'Wool coat', unitPriceCents: 12_000, quantity: 1, taxable: false }, { sku: 'STOCK7', name: 'Socks', unitPriceCents: 500, quantity: 1, taxable: false }];
    const a = await workstation(server);
    const cut = cuttable(register.service.linkFor('training'));
    const b = await workstation(register, destinations(), { store: cut.link });
    cut.cable.cut = true;
    const apart = await b.h.feature.service.recordSale(saleInput(undefined, lines));
    const first = await a.h.feature.service.recordSale(saleInput(undefined, lines));
    await a.h.feature.share.settle();
    expect(await b.h.feature.conflicts.list()).toEqual({ paired: true, live: false, conflicts: [] });
    // Back on the server: its sale arrives second and is flagged; both sales stay, on the server and in both Histories.
    cut.cable.cut = false;
    b.h.feature.share.nudge();
    await b.h.feature.share.settle();
    const expected = {
      sku: 'ONEOFF7',
      itemName: 'Wool coat',
      first: { orderNumber: first.orderNumber, workstation: '01 · Counter 1' },
      second: { orderNumber: apart.orderNumber, workstation: '02 · Counter 2' },
      settled: null,
    };
    for (const h of [a.h, b.h]) expect((await h.feature.conflicts.list()).conflicts).toEqual([expect.objectContaining({ ...expected, first: expect.objectContaining(expected.first), second: expect.objectContaining(expected.second) })]);
    await vi.waitFor(() => expect(history(a.h).map((r) => r.orderNumber)).toEqual(expect.arrayContaining([first.orderNumber, apart.orderNumber])), { timeout: 10_000 });
    const [{ id }] = (await a.h.feature.conflicts.list()).conflicts;
    await expect(b.h.feature.conflicts.settle({ id, note: '  ' })).rejects.toThrow('Write down how it was settled.');
    await b.h.feature.conflicts.settle({ id, note: 'Counter 2 refunded its customer; the coat went with the first sale.' });
    expect((await a.h.feature.conflicts.list()).conflicts[0].settled).toMatchObject({ by: '02 · Counter 2', note: 'Counter 2 refunded its customer; the coat went with the first sale.' });
    await expect(a.h.feature.conflicts.settle({ id, note: 'again' })).rejects.toThrow('settled already');
  });
  it('a round woken by a new record only forwards and copies; the counter is checked at start and again after the server was away', async () => {
    const a = await workstation(server);
    const cut = cuttable(register.service.linkFor('training'));
    const b = await workstation(register, destinations(), { store: cut.link });
    const counterCheck = (sql: string) => sql.includes('my_counter()');
    const forward = (sql: string) => sql.startsWith('INSERT INTO sales');
    // Its first round, at start, checked the counter before anything else.
    expect(cut.cable.statements.findIndex(counterCheck)).toBe(0);
    cut.cable.statements.length = 0;
    const there = await a.h.feature.service.recordSale(saleInput());
    await vi.waitFor(() => expect(history(b.h).map((r) => r.orderNumber)).toContain(there.orderNumber), { timeout: 10_000 });
    await b.h.feature.service.recordSale(saleInput());
    await vi.waitFor(() => expect(cut.cable.statements.filter(forward)).toHaveLength(1), { timeout: 10_000 });
    await b.h.feature.share.settle();
    // Woken by the other's announcement and by its own sale: no counter check, no delivery sync, no takeover.
    expect(cut.cable.statements.filter(counterCheck)).toEqual([]);
    expect(cut.cable.statements.filter((sql) => sql.includes('taken_over = true'))).toEqual([]);
    expect(cut.cable.statements.filter((sql) => sql.includes('pg_snapshot_xmin')).length).toBeGreaterThanOrEqual(1);

    // Away while it records: the next round, whatever woke it, checks the counter before forwarding.
    cut.cable.cut = true;
    const apart = await b.h.feature.service.recordSale(saleInput());
    await b.h.feature.share.settle();
    cut.cable.cut = false;
    cut.cable.statements.length = 0;
    await a.h.feature.service.recordSale(saleInput());
    await vi.waitFor(() => expect(cut.cable.statements.filter(forward)).toHaveLength(1), { timeout: 10_000 });
    const checked = cut.cable.statements.findIndex(counterCheck);
    expect(checked).toBeGreaterThanOrEqual(0);
    expect(checked).toBeLessThan(cut.cable.statements.findIndex(forward));
    await b.h.feature.share.settle();
    expect(cut.cable.statements.some((sql) => sql.includes('taken_over = true'))).toBe(true);
    const stored = await serverSql<{ n: string }>('SELECT COUNT(*) AS n FROM training.sales WHERE order_number = $1', [apart.orderNumber]);
    expect(Number(stored[0].n)).toBe(1);
  });
  it('forwards the sales recorded while away in one transaction, each once, flagging a one-off item sold twice among them in the order they were sold', async () => {
    await serverSql(`INSERT INTO training.inventory_items (sku_key, item, change) VALUES ('oneoff8', $1, 1)`, [JSON.stringify({ sku: 'ONEOFF8', name: 'Brass lamp', quantity: 1 })]);
    const lamp = { sku: 'ONEOFF8', name: 'Brass lamp', unitPriceCents: 8_000, quantity: 1, taxable: false };
    const socks = { sku: 'SOCKS8', name: 'Socks', unitPriceCents: 500, quantity: 1, taxable: false };
    const a = await workstation(server);
    const cut = cuttable(register.service.linkFor('training'));
    const b = await workstation(register, destinations(), { store: cut.link });
    cut.cable.cut = true;
    const sold: string[] = [];
    for (const lines of [[lamp], [socks], [socks, lamp]]) sold.push((await b.h.feature.service.recordSale(saleInput(undefined, lines))).orderNumber);
    await b.h.feature.share.settle();
    cut.cable.cut = false;
    cut.cable.statements.length = 0;
    b.h.feature.share.nudge();
    await b.h.feature.share.settle();
    expect(cut.cable.statements.filter((sql) => sql.startsWith('INSERT INTO sales'))).toHaveLength(1);
    expect(cut.cable.statements.filter((sql) => sql.startsWith('INSERT INTO deliveries'))).toHaveLength(1);
    const stored = await serverSql<{ order_number: string; n: string }>('SELECT order_number, COUNT(*) AS n FROM training.sales WHERE order_number = ANY($1) GROUP BY 1 ORDER BY 1', [sold]);
    expect(stored.map((r) => [r.order_number, Number(r.n)])).toEqual([...sold].sort().map((n) => [n, 1]));
    const listed = await serverSql<{ n: string }>('SELECT COUNT(*) AS n FROM training.deliveries WHERE order_number = ANY($1)', [sold]);
    expect(Number(listed[0].n)).toBe(6);
    const lampConflicts = (await b.h.feature.conflicts.list()).conflicts.filter((c) => c.sku === 'ONEOFF8');
    expect(lampConflicts.map((c) => [c.first.orderNumber, c.second.orderNumber])).toEqual([[sold[0], sold[2]]]);
    expect((await register.service.status()).notices.join(' ')).toContain(`Sale ${sold[2]} sold a one-off item`);
    await vi.waitFor(() => expect(history(a.h).map((r) => r.orderNumber)).toEqual(expect.arrayContaining(sold)), { timeout: 10_000 });
    expect(b.h.core.db.prepare('SELECT COUNT(*) FROM sales WHERE origin IS NULL AND shared_at IS NULL').pluck().get()).toBe(0);
  });
  it('sends the others of a batch when one sale’s order number is already another sale’s, and sets that one aside for a person', async () => {
    const a = await workstation(server);
    const cut = cuttable(register.service.linkFor('training'));
    const b = await workstation(register, destinations(), { store: cut.link });
    cut.cable.cut = true;
    const theirs = (await a.h.feature.service.recordSale(saleInput())).orderNumber;
    await a.h.feature.share.settle();
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) mine.push((await b.h.feature.service.recordSale(saleInput())).orderNumber);
    await b.h.feature.share.settle();
    // As from a copied disk: its second sale carries a number the server already has from another workstation.
    b.h.core.db.prepare('UPDATE sales SET order_number = ? WHERE order_number = ?').run(theirs, mine[1]);
    cut.cable.cut = false;
    b.h.feature.share.nudge();
    await b.h.feature.share.settle();
    const stored = await serverSql<{ order_number: string; prefix: string }>(
      'SELECT s.order_number, w.prefix FROM training.sales s JOIN store.workstations w ON w.id = s.workstation_id WHERE s.order_number = ANY($1) ORDER BY 1',
      [[theirs, ...mine]],
    );
    expect(stored.map((r) => [r.order_number, r.prefix])).toEqual([[theirs, '01'], [mine[0], '02'], [mine[2], '02']].sort());
    const problem = b.h.core.db.prepare('SELECT share_problem FROM sales WHERE order_number = ? AND origin IS NULL').pluck().get(theirs);
    expect(problem).toContain(`Order number ${theirs} is already another sale’s on the store server.`);
    expect((await register.service.status()).notices.join(' ')).toContain(`Order number ${theirs} is already another sale’s`);
  });
});
