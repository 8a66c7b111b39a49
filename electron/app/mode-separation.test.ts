import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModeSwitchPreview } from '../../shared/connections';
import type { HistoryPage } from '../../shared/sales/schemas';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { openDatabase } from '../core/store/database';
import { allMigrations } from './features';
import { SettingsRepo } from '../core/store/settings-repo';
import { SimpleConsignInventorySimulator } from '../simpleconsign/inventory-sim';
import { SimpleConsignTransactionsSim } from '../simpleconsign/transactions-sim';
import { SimHost } from '../training/sim-host';
import { createAppServices, type AppServices } from './app-services';
import { dataStoreFile } from './mode-stores';

process.env.BACKOFFICE_IFPOS_FIRST_CALL_MS = '0';
const LIVE_KEY = 'live-simpleconsign-key';
let services: AppServices | null = null;
let liveHost: SimHost | null = null;
let dir = '';

afterEach(async () => {
  await services?.stop();
  await liveHost?.stop();
  services = null;
  liveHost = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await services!.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

let sku = 'GFFY72';
const sale = (orderNumber: string) => ({ orderNumber, lines: [{ sku, name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false }], taxCents: 0 });

/** A stand-in for the real SimpleConsign on loopback, playing the live vendor. */
async function startLiveVendor(): Promise<{ transactions: SimpleConsignTransactionsSim; host: SimHost }> {
  const transactions = new SimpleConsignTransactionsSim();
  transactions.acceptKey(LIVE_KEY);
  const host = new SimHost([transactions, new SimpleConsignInventorySimulator({ items: 20, keys: [LIVE_KEY] })]);
  await host.start();
  liveHost = host;
  return { transactions, host };
}

async function configureLive(host: SimHost): Promise<void> {
  await call('connections:update', { id: 'simpleconsign', enabled: true, settings: { baseUrl: host.url('/simpleconsign') } });
  await call('connections:set-secret', { id: 'simpleconsign', field: 'apiKey', value: LIVE_KEY });
  await call('connections:update', { id: 'ifpos', enabled: false, settings: {} });
}

describe('training and live never mix', () => {
  it('keeps a training sale waiting in training: never sent live, never shown live, delivered to the simulator on return', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modes-'));
    // The app's clock runs with real time plus an offset the test moves, so a retry's wait can be skipped.
    let offset = 0;
    services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', log: () => {}, now: () => Date.now() + offset });
    sku = services.simHost.simulator<SimpleConsignInventorySimulator>('simpleconsign-inventory').store.fixed(0).sku;
    const live = await startLiveVendor();
    await configureLive(live.host);
    // The training SimpleConsign is down: the practice sale keeps retrying.
    await call('training:inject-fault', { simulator: 'simpleconsign-transactions', fault: { kind: 'unavailable', count: null, retryAfterSeconds: 0 } });
    await call('sales:record-sale', sale('TRAIN1'));
    const trainingSim = services.simHost.simulator<SimpleConsignTransactionsSim>('simpleconsign-transactions');
    await vi.waitFor(async () => {
      const page = await call<HistoryPage>('sales:get-history', {});
      expect(page.rows[0].deliveries.find((d) => d.destination === 'simpleconsign')?.state).toBe('retrying');
    });

    const preview = await call<ModeSwitchPreview>('connections:prepare-mode-switch', { mode: 'live' });
    expect(preview.waiting).toEqual(expect.arrayContaining([expect.stringMatching(/^SimpleConsign: 1 delivery is still on the way/)]));
    expect(preview.tests).toEqual([{ id: 'simpleconsign', name: 'SimpleConsign', health: expect.objectContaining({ state: 'ok' }) }]);

    await call('connections:set-mode', { mode: 'live' });
    expect((await call<HistoryPage>('sales:get-history', {})).rows).toEqual([]);
    await call('sales:record-sale', sale('LIVE1'));
    await vi.waitFor(() => expect(live.transactions.transactions().map((t) => t.orderNumber)).toEqual(['LIVE1']), { timeout: 10_000 });
    const livePage = await call<HistoryPage>('sales:get-history', {});
    expect(livePage.rows.map((r) => [r.orderNumber, r.mode])).toEqual([['LIVE1', 'live']]);

    await call('training:clear-faults', {});
    offset += 10 * 60_000;
    await call('connections:set-mode', { mode: 'training' });
    await vi.waitFor(() => expect(trainingSim.transactions().map((t) => t.orderNumber)).toEqual(['TRAIN1']), { timeout: 10_000 });
    const trainingPage = await call<HistoryPage>('sales:get-history', {});
    expect(trainingPage.rows.map((r) => [r.orderNumber, r.mode])).toEqual([['TRAIN1', 'training']]);
    expect(live.transactions.transactions().map((t) => t.orderNumber)).toEqual(['LIVE1']);
  });

  it('keeps each mode in its own file and adopts records an earlier version kept in the core file', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modes-'));
    // An earlier version: one file holding settings and sales together, in live mode.
    const old = openDatabase(path.join(dir, 'backoffice.db'), allMigrations);
    new SettingsRepo(old).set('mode', 'live');
    old.prepare("INSERT INTO sales (order_number, recorded_at, nontaxable_cents, taxable_cents, tax_cents) VALUES ('OLD1', 1, 100, 0, 0)").run();
    old.close();
    services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', log: () => {} });
    expect(fs.existsSync(dataStoreFile(dir, 'live'))).toBe(true);
    expect(fs.existsSync(dataStoreFile(dir, 'training'))).toBe(false);
    const page = await call<HistoryPage>('sales:get-history', {});
    expect(page.rows.map((r) => [r.orderNumber, r.mode])).toEqual([['OLD1', 'live']]);
  });
});
