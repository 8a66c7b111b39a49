import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { createAppServices, type AppServices } from './app-services';
import { dataStoreFile } from './mode-stores';

let services: AppServices | null = null;
let dir = '';

afterEach(async () => {
  await services?.stop();
  services = null;
  // A closing SQLite connection may still be removing its -wal and -shm files as the folder goes.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const start = (checkStoresAtStartBytes?: number) => createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', checkStoresAtStartBytes });

/** Fills the mode's store with pages of its own, then overwrites some of them, as a failing disk would. */
function damageTrainingStore(): void {
  const file = dataStoreFile(dir, 'training');
  const db = new Database(file);
  db.exec('CREATE TABLE filler (x INTEGER, y TEXT)');
  const insert = db.prepare('INSERT INTO filler (x, y) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(i, `row ${i} `.padEnd(200, 'x'));
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
  const pages = fs.statSync(file).size / 4096;
  const fd = fs.openSync(file, 'r+');
  for (const p of [Math.floor(pages / 3), Math.floor(pages / 2), pages - 5]) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
  fs.closeSync(fd);
}

describe('damage found in the mode’s own store after start', () => {
  it('stops the app’s work and is shown with what to do, as for the core store', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-damage-'));
    services = await start();
    await services.stop();
    damageTrainingStore();

    // Large files are checked after start; here every file counts as large.
    services = await start(0);
    expect(services.startupError).toBeNull();
    const status = await vi.waitFor(
      async () => {
        const r = await services!.dispatch('app:get-status', {});
        if (!r.ok) throw new Error(r.error.message);
        const value = r.value as { startupError: { kind: string; file: string; message: string } | null };
        if (!value.startupError) throw new Error('no damage reported yet');
        return value;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(status.startupError).toMatchObject({ kind: 'corrupt' });
    expect(status.startupError).toMatchObject({ file: dataStoreFile(dir, 'training') });
    expect(status.startupError!.message).toMatch(/damaged.*restore the file from a backup/);
    const refused = await services.dispatch('sales:get-summary', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });
  });
});

/** A row of a product sheet with enough text to fill pages. */
const sheetRow = (draft: number, i: number) => ({ id: `r${draft}-${i}`, cells: { 'Product local name': `Product ${draft}-${i} `.padEnd(120, 'x'), 'Brand local name': `Brand ${i % 50}`.padEnd(80, 'y') } });

describe('damage met by a call while the app runs', () => {
  it('stops every write from then on, drafts included, and shows the damage', { timeout: 60_000 }, async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-damage-'));
    services = await start();
    const ids: string[] = [];
    for (let d = 0; d < 12; d++) {
      const created = await services.dispatch('sheets:create-draft', { name: `Sheet ${d}`, useCases: [] });
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.value as { id: string }).id;
      const rows = Array.from({ length: 3000 }, (_, i) => sheetRow(d, i));
      const saved = await services.dispatch('sheets:save-draft', { id, name: `Sheet ${d}`, model: { attributes: [], rows, images: {} } });
      if (!saved.ok) throw new Error(saved.error.message);
      ids.push(id);
    }
    // A failing disk overwrites forty pages of the running store's file.
    const file = dataStoreFile(dir, 'training');
    const pages = Math.floor(fs.statSync(file).size / 4096);
    const fd = fs.openSync(file, 'r+');
    for (let k = 1; k <= 40; k++) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor((k * (pages - 2)) / 41) * 4096);
    fs.closeSync(fd);

    const reads = [];
    for (const id of ids) reads.push(await services.dispatch('sheets:get-draft', { id }));
    const met = reads.find((r) => !r.ok);
    expect(met).toMatchObject({ ok: false, error: { code: 'store-unavailable', message: expect.stringMatching(/damaged/) } });

    const status = await services.dispatch('app:get-status', {});
    expect(status).toMatchObject({ ok: true, value: { startupError: { kind: 'corrupt', file } } });
    const sizes = () => ['', '-wal'].map((s) => (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0));
    const before = sizes();
    for (let k = 0; k < 10; k++) {
      expect(await services.dispatch('sheets:create-draft', { name: `After ${k}`, useCases: [] })).toMatchObject({ ok: false, error: { code: 'store-unavailable' } });
      expect(await services.dispatch('sheets:save-draft', { id: ids[0], name: 'Renamed', model: { attributes: [], rows: [], images: {} } })).toMatchObject({ ok: false });
    }
    expect(sizes()).toEqual(before);
  });
});
