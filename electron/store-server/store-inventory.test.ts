import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatePairingCode } from '../../shared/store/rules';
import { INVENTORY_LOADER_LOCK } from '../core/store-link';
import { SimpleConsignInventorySimulator } from '../simpleconsign/inventory-sim';
import { readItem } from '../simpleconsign/inventory-response';
import { createPairing, joinStore, setUpStore, type Membership } from './store-setup';
import { freePort, startTestServer, type TestServer } from './testing/test-server';
import { SimHost } from '../training/sim-host';
import { inventoryStoreMigrations } from '../inventory/store-copy-schema';
import { allowanceStoreMigrations, AWAY_SHARE, DEFAULT_BUDGET, keyIdentity, SALES_RESERVE, StoreAllowance } from '../simpleconsign/store-allowance';
import { TestWorkstation, type WorkstationSpec } from './testing/store-workstation';

const KEY = 'store-copy-key';
const features = [...inventoryStoreMigrations, ...allowanceStoreMigrations];
let pg: TestServer;
let sim: SimpleConsignInventorySimulator;
let host: SimHost;
const members: Membership[] = [];
const open: TestWorkstation[] = [];
let seq = 0;

const spec = (m: Membership): WorkstationSpec => ({ endpoint: pg.endpoint, membership: m, simUrl: host.url('/simpleconsign'), key: KEY, checkMs: 300 });
const workstation = (m: Membership) => {
  const ws = new TestWorkstation(spec(m));
  open.push(ws);
  return ws;
};
const serverItems = async () => new Map((await pg.sql<{ sku_key: string; item: string }>('SELECT sku_key, item FROM training.inventory_items')).map((r) => [r.sku_key, r.item]));
const serverState = async () => (await pg.sql<{ watermark: string; change: string; loaded_by: number }>('SELECT * FROM training.inventory_state'))[0];
/** The simulator's active items, read as the copy reads them, by SKU. */
const vendorSkus = () => sim.store.query({ ecommerceOnly: false, includeZero: false, includeInactive: false }).map((i) => String(i.sku).toLowerCase()).sort();
const skusOf = (ws: TestWorkstation) => [...ws.items().keys()].sort();
const holder = async () => (await pg.sql<{ name: string }>(`SELECT w.name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid JOIN store.workstations w ON w.role_name = a.usename
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.objid = hashtext($1)::oid`, [INVENTORY_LOADER_LOCK]))[0]?.name ?? null;

beforeAll(async () => {
  pg = await startTestServer();
  sim = new SimpleConsignInventorySimulator({ items: 400, keys: [KEY], now: Date.now, changesPerMinute: 0, sendsEcommerceFlag: true, stampOffsetMs: 0 });
  host = new SimHost([sim]);
  await host.start();
  members.push(await setUpStore(pg.endpoint, pg.admin, { storeName: 'Main Street', workstationName: 'Back office', features }));
  for (const name of ['Register 2', 'Register 3']) {
    const code = generatePairingCode((n) => (seq++ * 7 + 3) % n);
    await createPairing(pg.endpoint, pg.admin, code);
    members.push(await joinStore(pg.endpoint, code, { workstationName: name, features, formerStoreId: null }));
  }
}, 120_000);
afterAll(async () => {
  for (const ws of open) await ws.close().catch(() => undefined);
  await host?.stop();
  await pg?.stop();
}, 60_000);

describe('one inventory load per store', () => {
  let first: TestWorkstation;
  let second: TestWorkstation;

  it('seeds the server with the first workstation’s copy and watermark, loading nothing again', async () => {
    first = workstation(members[0]);
    // Alone, before the store: the first workstation loads its own copy as today.
    expect(await first.load()).toBe(true);
    expect(first.requests).toHaveLength(1);
    first.join();
    await vi.waitFor(async () => expect((await serverItems()).size).toBe(first.items().size), { timeout: 20_000 });
    expect(first.copy.role).toBe('loader');
    expect(Number((await serverState()).watermark)).toBe(first.repo.state().watermark);
    expect(await holder()).toBe('Back office');
    expect(first.requests).toHaveLength(1);
  }, 60_000);

  it('fills a joining workstation’s copy from the server, with no inventory call', async () => {
    second = workstation(members[1]);
    second.join();
    await vi.waitFor(() => expect(skusOf(second)).toEqual(vendorSkus()), { timeout: 20_000 });
    expect(second.items()).toEqual(first.items());
    expect(second.repo.state().watermark).toBe(first.repo.state().watermark);
    expect(second.copy.role).toBe('follower');
    expect(await second.load()).toBe(false);
    expect(second.requests).toHaveLength(0);
  });

  it('passes the loader’s changes on to the others when it announces them', async () => {
    const changed = sim.tick(40);
    expect(await first.load()).toBe(true);
    expect(first.requests.at(-1)?.modifiedSince).toBeDefined();
    await vi.waitFor(() => expect(second.items()).toEqual(first.items()), { timeout: 20_000 });
    expect(skusOf(second)).toEqual(vendorSkus());
    for (const sku of [...changed.updated, ...changed.added].map(String)) {
      const raw = sim.store.query({ ecommerceOnly: false, includeZero: true, includeInactive: true }).find((i) => String(i.sku) === sku);
      const read = readItem(raw);
      const held = second.items().get(sku.toLowerCase());
      if (held && read.ok) expect(readItem(JSON.parse(held))).toEqual(read);
    }
    expect(second.requests).toHaveLength(0);
    // The watermark on the server is the loader's, written with its rows.
    expect(Number((await serverState()).watermark)).toBe(first.repo.state().watermark);
  });

  it('lets another take over when the loader is killed, resuming from the stored watermark', async () => {
    // The loader moves to a process of its own, alone in the store for a moment, which is then killed outright.
    for (const ws of [first, second]) {
      await ws.close();
      open.splice(open.indexOf(ws), 1);
    }
    const child = startChild(spec(members[0]));
    await vi.waitFor(async () => expect(await holder()).toBe('Back office'), { timeout: 20_000 });
    const others = [workstation(members[1]), workstation(members[2])];
    for (const ws of others) ws.join();
    for (const ws of others) await vi.waitFor(() => expect(skusOf(ws)).toEqual(vendorSkus()), { timeout: 20_000 });
    expect(others.map((w) => w.copy.role)).toEqual(['follower', 'follower']);
    // What the Store section shows as the inventory loader.
    expect(await others[0].link.holder(INVENTORY_LOADER_LOCK)).toBe('Back office');
    const stored = Number((await serverState()).watermark);
    child.process.kill('SIGKILL');
    const killedAt = Date.now();
    await vi.waitFor(async () => expect(['Register 2', 'Register 3']).toContain(await holder()), { timeout: 30_000 });
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const next = others.find((w) => w.copy.role === 'loader')!;
    const other = others.find((w) => w !== next)!;
    await vi.waitFor(() => expect(next.copy.mayLoad()).toBe(true), { timeout: 10_000 });
    sim.tick(25);
    expect(await next.load()).toBe(true);
    expect(next.requests).toHaveLength(1);
    expect(next.requests[0].modifiedSince).toBe(String(stored));
    await vi.waitFor(() => expect(other.items()).toEqual(next.items()), { timeout: 20_000 });
    expect(skusOf(other)).toEqual(vendorSkus());
    expect(other.requests).toHaveLength(0);
  }, 120_000);
});

function startChild(s: WorkstationSpec) {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'testing', 'store-workstation-child.ts'), [JSON.stringify(s)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (v: unknown) => void>();
  let id = 0;
  child.on('message', (m: { id: number; value: unknown }) => waiting.get(m.id)?.(m.value));
  open.push({ close: async () => void child.kill('SIGKILL') } as unknown as TestWorkstation);
  return {
    process: child,
    ask: (what: 'load' | 'state') => new Promise<unknown>((resolve) => {
      waiting.set(++id, resolve);
      child.send({ id, ask: what });
    }),
  };
}

describe('one allowance per key, counted on the server', () => {
  const KEY_B = 'another-location-key';
  let links: TestWorkstation[];

  beforeAll(async () => {
    links = [workstation(members[0]), workstation(members[1])];
    for (const ws of links) ws.server.start();
    await vi.waitFor(() => expect(links.every((w) => w.server.state === 'connected')).toBe(true), { timeout: 20_000 });
  }, 60_000);

  it('keeps the store under its budget however the workstations ask, inventory leaving the reserve to sales', async () => {
    const [a, b] = links.map((w) => new StoreAllowance(w.link, Date.now));
    // Inventory from both at once, more than it may have: only budget − reserve are taken.
    const inventory = await Promise.all(Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).take('inventory', KEY)));
    expect(inventory.filter((s) => s.ok)).toHaveLength(DEFAULT_BUDGET - SALES_RESERVE);
    const refused = inventory.find((s) => !s.ok);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/leaving the rest to sales/) });
    expect(refused && !refused.ok && refused.waitMs).toBeGreaterThan(9 * 60_000);
    // Sales still get the reserve, and then nothing more.
    const sales = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('sale', KEY)));
    expect(sales.filter((s) => s.ok)).toHaveLength(SALES_RESERVE);
    // Another key has its own allowance (and its own calls granted ahead).
    expect(await a.take('sale', KEY_B)).toEqual({ ok: true });
    const calls = await pg.sql<{ key_id: string; n: number }>('SELECT key_id, count(*)::int AS n FROM training.vendor_calls GROUP BY key_id ORDER BY n DESC');
    expect(calls).toEqual([{ key_id: keyIdentity(KEY), n: DEFAULT_BUDGET }, { key_id: keyIdentity(KEY_B), n: 1 + AWAY_SHARE }]);
  });

  it('keeps only a keyed hash of the key on the server', async () => {
    const dump = JSON.stringify(await pg.sql('SELECT * FROM training.vendor_calls'));
    expect(dump).not.toContain(KEY);
    expect(keyIdentity(KEY)).not.toBe(keyIdentity(KEY_B));
  });

  it('counts over the window the store sets, so a call leaves the count when its window has passed', async () => {
    const [a] = links.map((w) => new StoreAllowance(w.link, Date.now));
    await pg.sql('UPDATE training.vendor_budget SET budget = 3, window_seconds = 2');
    try {
      const key = 'a-key-with-a-short-window';
      for (let i = 0; i < 3; i++) expect(await a.take('sale', key)).toEqual({ ok: true });
      const refused = await a.take('sale', key);
      expect(refused).toMatchObject({ ok: false });
      // Each call counts its window and two seconds more, for the moment between the count and the call.
      expect(!refused.ok && refused.waitMs).toBeLessThanOrEqual(4_000);
      // The first call leaves the window after two seconds, and one is free again.
      await vi.waitFor(async () => expect(await a.take('sale', key)).toEqual({ ok: true }), { timeout: 10_000, interval: 250 });
    } finally {
      await pg.sql('UPDATE training.vendor_budget SET budget = $1, window_seconds = 600', [DEFAULT_BUDGET]);
    }
  });

  it('grants a selling workstation calls ahead out of the budget; one that never reached its server makes none while it is away', async () => {
    const [a, b] = links.map((w) => new StoreAllowance(w.link, Date.now));
    const key = 'a-key-for-calls-ahead';
    expect(await a.take('sale', key)).toEqual({ ok: true });
    const rows = await pg.sql<{ away: boolean; n: number }>('SELECT away, count(*)::int AS n FROM training.vendor_calls WHERE key_id = $1 GROUP BY away ORDER BY away', [keyIdentity(key)]);
    expect(rows).toEqual([{ away: false, n: 1 }, { away: true, n: AWAY_SHARE }]);
    // They come out of the budget: the other workstation (granted its own) has the rest, and nothing more.
    const sales = [];
    for (let i = 0; i < DEFAULT_BUDGET; i++) sales.push(await b.take('sale', key));
    expect(sales.filter((s) => s.ok)).toHaveLength(DEFAULT_BUDGET - 2 * (1 + AWAY_SHARE) + 1);

    // A workstation whose server does not answer: nothing listens at its address.
    const ws = new TestWorkstation({ ...spec(members[1]), endpoint: { ...pg.endpoint, port: await freePort() } });
    open.push(ws);
    const away = new StoreAllowance(ws.link, Date.now);
    expect(await away.take('sale', key)).toMatchObject({ ok: false, away: true, message: expect.stringMatching(/does not answer/) });
  });
});
