import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/inventory/schemas';
import { createAppServices, type AppServices } from '../app/app-services';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { pngSize } from '../training/png';
import { trainingStoreOptions, trainingStoreSize } from './inventory-feature';

let services: AppServices | null = null;
let dir = '';
afterEach(async () => {
  await services?.stop();
  services = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await services!.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Polls the status the way the screen does, until the load has finished. */
async function settled(): Promise<SyncStatus> {
  for (;;) {
    const s = await call<SyncStatus>('inventory:get-status');
    if (!s.running) return s;
    await new Promise((r) => setImmediate(r));
  }
}

describe('inventory feature in training mode', () => {
  it('loads the simulated store through the bridge, searches it and serves its pictures', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-feature-'));
    services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', log: () => {} });
    const before = await call<SyncStatus>('inventory:get-status');
    expect(before).toMatchObject({ loaded: false, itemCount: 0, needsFullLoad: true, nextRunAt: null });
    await call('inventory:sync-now');
    const after = await settled();
    expect(after).toMatchObject({ loaded: true, source: 'training', needsFullLoad: false, lastRun: { mode: 'full', outcome: 'ok' } });
    expect(after.itemCount).toBeGreaterThan(2000);
    expect(after.nextRunAt).toBe(after.lastRun!.finishedAt! + 5 * 60_000);

    const page = await call<{ total: number; items: { sku: string; thumbnailUrl: string | null }[] }>('inventory:search', { query: '', sort: 'sku', limit: 500 });
    expect(page.total).toBe(after.itemCount);
    expect(page.items).toHaveLength(500);
    const withPicture = page.items.find((i) => i.thumbnailUrl)!;
    expect(withPicture.thumbnailUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/simpleconsign\/images\//);
    const picture = await fetch(withPicture.thumbnailUrl!);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await picture.arrayBuffer()))?.width).toBeGreaterThan(0);
    // The window gets the pictures from the app, as data; the app fetches nothing outside the copy's image store.
    const outside = withPicture.thumbnailUrl!.replace(/\/images\/.*$/, '/images/../inventory');
    const { images } = await call<{ images: { url: string; dataUrl: string | null; problem: string | null }[] }>('pictures:get', { urls: [withPicture.thumbnailUrl, outside, 'http://127.0.0.1:1/x.png'] });
    expect(images[0].dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(images.slice(1).map((i) => i.problem)).toEqual(['That picture was not part of a vendor answer, so it was not fetched.', 'That picture was not part of a vendor answer, so it was not fetched.']);

    const lookup = await call<{ item: { sku: string } | null }>('inventory:lookup-sku', { sku: withPicture.sku.toLowerCase() });
    expect(lookup.item?.sku).toBe(withPicture.sku);
    const cats = await call<{ categories: { name: string; count: number }[] }>('inventory:list-categories');
    expect(cats.categories.reduce((n, c) => n + c.count, 0)).toBe(after.itemCount);
    // Every service of the app started and a full load through the bridge: longer than one unit on a busy machine.
  }, 90_000);

  it('records sales while the copy is being written, each at once, and the load still commits whole', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-feature-'));
    services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', log: () => {} });
    await call('inventory:sync-now');
    const duringLoad: string[] = [];
    // A few, as a counter would ring them up: each one spends SimpleConsign's allowance, which sales get before loads.
    for (let n = 0; n < 3 && (await call<SyncStatus>('inventory:get-status')).running; n++) {
      const sale = await call<{ orderNumber: string }>('sales:record-sale', { orderNumber: `DURING${n}`, lines: [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false }], taxCents: 0 });
      duringLoad.push(sale.orderNumber);
    }
    const after = await settled();
    expect(after.lastRun).toMatchObject({ mode: 'full', outcome: 'ok' });
    expect(duringLoad.length).toBeGreaterThan(0);
    const history = await call<{ total: number; rows: { orderNumber: string }[] }>('sales:get-history', { page: 1, pageSize: 200 });
    expect(history.rows.map((r) => r.orderNumber).sort()).toEqual([...duringLoad].sort());
    expect((await call<{ total: number }>('inventory:search', { query: '', limit: 1 })).total).toBe(after.itemCount);
  });

  it('refuses settings outside the documented ranges, naming the problem', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-feature-'));
    services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', log: () => {} });
    const status = await call<SyncStatus>('inventory:get-status');
    const refused = await services.dispatch('inventory:update-settings', { ...status.settings, overlapMinutes: 30 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', details: ['overlapMinutes: The overlap must be at most 15 minutes.'] } });
    const saved = await call<SyncStatus>('inventory:update-settings', { ...status.settings, overlapMinutes: 15, category: 'SHOES' });
    expect(saved.settings).toMatchObject({ overlapMinutes: 15, category: 'SHOES' });
  });

  it('sizes the training store from BACKOFFICE_SC_SIM_ITEMS', () => {
    expect(trainingStoreSize({})).toBe(3000);
    expect(trainingStoreSize({ BACKOFFICE_SC_SIM_ITEMS: '200000' })).toBe(200_000);
    expect(trainingStoreSize({ BACKOFFICE_SC_SIM_ITEMS: 'lots' })).toBe(3000);
  });

  it('lets tests set how often the training store changes and how far its change stamps run from its Date header', () => {
    expect(trainingStoreOptions({ BACKOFFICE_SC_SIM_CHANGES_PER_MINUTE: '600', BACKOFFICE_SC_SIM_STAMP_OFFSET_MINUTES: '-12', BACKOFFICE_SIM_SEED: '7' })).toEqual({
      items: 3000, changesPerMinute: 600, stampOffsetMs: -12 * 60_000, readingsSeed: 7,
    });
    // Unset or unreadable, the store's own pace and the seed's pick of clocks.
    expect(trainingStoreOptions({ BACKOFFICE_SC_SIM_STAMP_OFFSET_MINUTES: 'soon', BACKOFFICE_SIM_SEED: '7' })).toEqual({ items: 3000, changesPerMinute: undefined, stampOffsetMs: undefined, readingsSeed: 7 });
  });
});
