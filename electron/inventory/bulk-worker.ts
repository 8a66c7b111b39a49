import { Worker } from 'node:worker_threads';
import { sqliteModulePath } from '../core/module-worker';
import type { Db } from '../core/store/database';

// Plain JS for the worker: its own connection to the same file runs the scripts in one
// transaction. Index builds and FTS 'rebuild' are single statements that take a second per
// 100,000 rows; run here they never hold the event loop that answers the screen.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file);
  db.pragma('busy_timeout = ' + workerData.busyMs);
  db.pragma('synchronous = FULL');
  // A step given as { attempt, otherwise } runs 'otherwise' only when 'attempt' fails, as if it had never run.
  const run = (step) => {
    if (typeof step === 'string') return db.exec(step);
    if (step.sql !== undefined) return db.prepare(step.sql).run(step.param);
    db.exec('SAVEPOINT attempt');
    try {
      db.exec(step.attempt);
      db.exec('RELEASE attempt');
    } catch (e) {
      db.exec('ROLLBACK TO attempt');
      db.exec('RELEASE attempt');
      for (const sql of step.otherwise) db.exec(sql);
    }
  };
  // Takes the write lock first, so it waits for the app's own writes rather than failing on them
  // (with nothing to write, there is no lock to take: the log is only copied back).
  const work = workerData.scripts.length > 0 || workerData.result;
  const value = work ? db.transaction(() => {
    for (const step of workerData.scripts) run(step);
    return workerData.result ? db.prepare(workerData.result).pluck().get() : null;
  }).immediate() : null;
  // The big transaction left the log long: copy it back here, not at the next commit on the main thread.
  db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ ok: true, value });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message || e), code: e && e.code });
} finally {
  if (db) db.close();
}
`;

export class BulkWorkError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'BulkWorkError';
  }
}

/**
 * A script; one statement with one bound value (large data stays out of the SQL text); or a script
 * tried first whose failure leaves nothing behind and runs the others instead.
 */
export type BulkStep = string | { sql: string; param: string } | { attempt: string; otherwise: string[] };

function runInPlace(db: Db, step: BulkStep): void {
  if (typeof step === 'string') {
    db.exec(step);
    return;
  }
  if ('sql' in step) {
    db.prepare(step.sql).run(step.param);
    return;
  }
  try {
    db.transaction(() => db.exec(step.attempt))();
  } catch {
    step.otherwise.forEach((sql) => db.exec(sql));
  }
}

/**
 * Runs SQL scripts in one transaction off the main thread, through a second connection to the
 * store's file, and answers the value of the `result` query read at the end of that transaction.
 * A store without a file (in memory) runs them in place.
 */
export function runBulk(db: Db, scripts: BulkStep[], result?: string, busyMs = 60_000): Promise<unknown> {
  if (db.memory || !db.name) {
    return Promise.resolve(
      db.transaction(() => {
        scripts.forEach((step) => runInPlace(db, step));
        return result ? db.prepare(result).pluck().get() : null;
      })(),
    );
  }
  // Settled only once the worker has gone with its connection: a stop that follows finds no one
  // still holding the store's file (nor opening its log again after the app closed it).
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: sqliteModulePath(), file: db.name, scripts, result, busyMs } });
    let answer: { ok: boolean; value?: unknown; message?: string; code?: string } | null = null;
    let failure: Error | null = null;
    worker.on('message', (m: typeof answer) => {
      answer = m;
    });
    worker.on('error', (e) => {
      failure ??= e;
    });
    worker.on('exit', (code) => {
      if (answer?.ok) resolve(answer.value ?? null);
      else if (answer) reject(new BulkWorkError(answer.message ?? 'the index build failed', answer.code));
      else reject(failure ?? new BulkWorkError(`the index build stopped (${code})`));
    });
  });
}

/**
 * Runs `work` while commits on the store's connection leave the log to grow: otherwise a commit
 * (a sale, say, or the work's own) copies the log back into the file whenever it passes 4 MB, on
 * the main thread. A worker copies it back afterwards (`copyLogBack`, or a bulk run's end).
 */
export async function keepingLog<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  }
}

/** Copies the log back into the store's file from a worker; a failure leaves that to the next commit. */
export async function copyLogBack(db: Db): Promise<void> {
  await runBulk(db, []).catch(() => undefined);
}
