import { generatePairingCode } from '../shared/store/rules';
import { connectClient } from '../electron/store-server/server-connection';
import { createPairing, joinStore, setUpStore, type Membership } from '../electron/store-server/store-setup';
import { startTestServer } from '../electron/store-server/testing/test-server';
import { TestWorkstation } from '../electron/store-server/testing/store-workstation';
import { inventoryStoreMigrations } from '../electron/inventory/store-copy-schema';
import { allowanceStoreMigration } from '../electron/simpleconsign/store-allowance';
import { SimpleConsignInventorySimulator } from '../electron/simpleconsign/inventory-sim';
import { SimHost } from '../electron/training/sim-host';
import { median, type BenchReport } from './harness';

const KEY = 'store-bench-key';
const features = [...inventoryStoreMigrations, allowanceStoreMigration];

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * A follower's load of the inventory copy: from the store server (the rows the loader wrote), against the
 * same workstation's load from SimpleConsign (the simulator, its whole answer built before the clock starts),
 * and against a bare SELECT of the same rows from the server.
 */
export async function copyBench(report: BenchReport, items: number): Promise<void> {
  report.section(`Store: a follower's load of the ${items.toLocaleString('en-US')}-item inventory copy`);
  const server = await startTestServer();
  const sim = new SimpleConsignInventorySimulator({ items, keys: [KEY], changesPerMinute: 0, requestCap: 1_000_000, sendsEcommerceFlag: true, stampOffsetMs: 0 });
  const host = new SimHost([sim]);
  await host.start();
  const open: TestWorkstation[] = [];
  try {
    const members: Membership[] = [await setUpStore(server.endpoint, server.admin, { storeName: 'Bench Store', workstationName: 'Back office', features })];
    const code = generatePairingCode((n) => 7 % n);
    await createPairing(server.endpoint, server.admin, code);
    members.push(await joinStore(server.endpoint, code, { workstationName: 'Counter 2', features, formerStoreId: null }));
    const station = (m: Membership) => {
      const ws = new TestWorkstation({ endpoint: server.endpoint, membership: m, simUrl: host.url('/simpleconsign'), key: KEY });
      open.push(ws);
      return ws;
    };
    const json = { key: KEY, includeItemsWithQuantityZero: 'false', includeInactiveItems: 'false' };
    sim.handle({ method: 'POST', path: '/', query: new URLSearchParams(), headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(json), json });

    // Its load from SimpleConsign, as a workstation on its own makes it; it then seeds the server as the store's loader.
    const loader = station(members[0]);
    let started = performance.now();
    await loader.load();
    const fromVendor = performance.now() - started;
    const count = loader.repo.state().itemCount;
    started = performance.now();
    loader.join();
    await until(async () => Number((await server.sql<{ n: string }>('SELECT count(*) AS n FROM training.inventory_items'))[0].n) >= count && loader.copy.role === 'loader');
    const seeded = performance.now() - started;

    // Bare: the same rows read from the server over one connection, three times.
    const bare: number[] = [];
    const client = await connectClient(server.endpoint, server.admin);
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      const { rows } = await client.query('SELECT sku_key, item FROM training.inventory_items');
      bare.push(performance.now() - started);
      if (rows.length < count) throw new Error(`bare read ${rows.length} of ${count} rows`);
    }
    await client.end();

    const follower = station(members[1]);
    started = performance.now();
    follower.join();
    await until(() => follower.repo.state().itemCount === count && follower.repo.state().watermark === loader.repo.state().watermark);
    const fromServer = performance.now() - started;
    if (follower.requests.length > 0) throw new Error('the follower called SimpleConsign');

    report.ratio('follower load from the store server', fromServer, fromVendor, 'ms');
    report.figure('  its baseline: load from SimpleConsign (simulator)', fromVendor, 'ms');
    report.ratio('follower load from the store server, against bare SELECT', fromServer, median(bare), 'ms');
    report.figure('  bare SELECT of the same rows (median of 3)', median(bare), 'ms');
    report.figure('loader seeds the server with its copy', seeded, 'ms');
    report.figure('items in the copy', count, 'items');
  } finally {
    for (const ws of open) await ws.close().catch(() => undefined);
    await host.stop();
    await server.stop();
  }
}
