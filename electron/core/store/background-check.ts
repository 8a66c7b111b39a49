import { Worker } from 'node:worker_threads';
import { sqliteModulePath } from '../module-worker';

// Plain JS run by the worker: its own read-only connection, so the check never holds the app's.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const problems = db.pragma('quick_check(5)').map((r) => r.quick_check).filter((r) => r !== 'ok');
  parentPort.postMessage({ problem: problems.length > 0 ? problems.join('; ').slice(0, 300) : null });
} catch (e) {
  parentPort.postMessage({ problem: String(e && e.message), code: e && e.code });
} finally {
  if (db) db.close();
}
`;

/**
 * Runs `PRAGMA quick_check` on a large file in a worker thread, so the app starts at once and stays
 * responsive. Resolves with the problem found, or null when the file is sound.
 */
export function quickCheckInBackground(file: string, checks?: BackgroundChecks): Promise<string | null> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module: sqliteModulePath() } });
    checks?.add(worker);
    worker.once('message', (m: { problem: string | null; code?: string }) => {
      // A file that is busy or gone is not damage; only SQLite's own verdicts count.
      const damage = m.code === undefined || String(m.code).startsWith('SQLITE_CORRUPT') || m.code === 'SQLITE_NOTADB';
      resolve(damage ? m.problem : null);
      void worker.terminate();
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/**
 * The checks one app has running. Stopping the app ends them and waits until each worker has gone
 * with its connection, so nothing reads the files once the app has stopped.
 */
export class BackgroundChecks {
  private readonly running = new Set<Worker>();

  add(worker: Worker): void {
    this.running.add(worker);
    worker.once('exit', () => this.running.delete(worker));
  }

  /** How many checks are still running. */
  get size(): number {
    return this.running.size;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running].map((w) => w.terminate()));
  }
}
