import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteModulePath } from '../module-worker';
import { openDatabase, type Db } from './database';
import { storeWriteProblem } from './store-errors';
import { StoreBusyError, writeWhenFree } from './write-lock';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function store(): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-lock-'));
  dirs.push(dir);
  const file = path.join(dir, 'app.db');
  const db = openDatabase(file, [{ version: 1, name: 't', up: (d) => d.exec('CREATE TABLE t (x INTEGER)') }]);
  open.push(db);
  return { db, file };
}

const other = (file: string) => {
  const db = new Database(file);
  open.push(db);
  return db;
};

const count = (db: Db) => db.prepare('SELECT COUNT(*) FROM t').pluck().get();

/** Another thread's connection writes for `holdMs`, as the inventory copy's workers do; resolves once it holds the lock. */
function writerInAnotherThread(file: string, holdMs: number): Promise<Worker> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require(workerData.module))(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     db.exec('INSERT INTO t VALUES (1)');
     parentPort.postMessage('holding');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('done'); }, workerData.holdMs);`,
    { eval: true, workerData: { module: sqliteModulePath(), file, holdMs } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

describe('the store file written by more than one connection', () => {
  it('a transaction that reads before it writes waits for another connection’s commit instead of failing at once', async () => {
    const { db, file } = store();
    const worker = await writerInAnotherThread(file, 300);
    const done = new Promise((resolve) => worker.on('message', resolve));
    db.transaction(() => {
      const before = count(db);
      db.prepare('INSERT INTO t VALUES (?)').run(Number(before) + 10);
    })();
    await done;
    await worker.terminate();
    expect(db.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual([1, 11]);
  });

  it('writeWhenFree writes once the other writer commits, leaving the event loop free meanwhile', async () => {
    const { db, file } = store();
    const holder = other(file);
    holder.exec('BEGIN IMMEDIATE');
    holder.exec('INSERT INTO t VALUES (1)');
    let ticks = 0;
    const ticking = setInterval(() => {
      ticks++;
      if (ticks === 5) holder.exec('COMMIT');
    }, 5);
    try {
      const written = await writeWhenFree(db, () => {
        db.prepare('INSERT INTO t VALUES (?)').run(Number(count(db)) + 1);
        return 'written';
      });
      expect(written).toBe('written');
      expect(ticks).toBeGreaterThanOrEqual(5);
      expect(db.prepare('SELECT x FROM t ORDER BY rowid').pluck().all()).toEqual([1, 2]);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      clearInterval(ticking);
    }
  });

  it('writeWhenFree gives up after its wait with nothing written, and the person is told in words', async () => {
    const { db, file } = store();
    const holder = other(file);
    holder.exec('BEGIN IMMEDIATE');
    const error = await writeWhenFree(db, () => db.prepare('INSERT INTO t VALUES (2)').run(), { waitMs: 60, stepMs: 10 }).catch((e: unknown) => e);
    holder.exec('ROLLBACK');
    expect(error).toBeInstanceOf(StoreBusyError);
    expect(storeWriteProblem(error)).toMatch(/busy.*not saved/);
    expect(count(db)).toBe(0);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('writeWhenFree passes any other failure on at once, with the transaction rolled back', async () => {
    const { db } = store();
    const error = await writeWhenFree(db, () => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      throw new Error('refused');
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('refused');
    expect(count(db)).toBe(0);
  });
});
