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
  fs.rmSync(dir, { recursive: true, force: true });
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
