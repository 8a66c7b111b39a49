/**
 * The writer of the inventory copy, in the copy's worker (load-worker.ts): its own connection to the
 * store's file; a load's answers go to a reader beside it (answer-reader.ts), which reads the items
 * into rows while this thread writes the rows it read before; then the indexes and the search facts.
 */
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startOwnModule } from '../core/module-worker';
import { transactionsTakeTheWriteLock } from '../core/store/write-lock';
import { fillRoom, filledRoom } from './copy-facts';
import { flaggedSku } from './copy-filter';
import { patchFacts } from './facts-patch';
import { copyLogBackOn, factsOfStore, LoadJob } from './load-job';
import { failedMessage, type ToWorker, type FromWorker, type AnswerStream, type FromReader, type ToReader } from './load-messages';

export interface WriterData { sqlite: string; file: string; busyMs: number; maxPageCount: number; moduleCode: string }

/** Runs the writer on the port to the main thread. */
export function writeCopy(port: MessagePort, { sqlite, file, busyMs, maxPageCount, moduleCode }: WriterData): void {
  const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

  const DatabaseCtor = createRequire(sqlite)(sqlite) as typeof Database;
  const db = new DatabaseCtor(file);
  db.pragma(`busy_timeout = ${busyMs}`);
  transactionsTakeTheWriteLock(db);
  db.pragma(`max_page_count = ${maxPageCount}`);
  // Rows go to a slot no search reads: their transactions need not wait for the disk (the index
  // build's commit does, for all of them); the log is copied back once, at the end, here.
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');

  let job: LoadJob | null = null;
  /** The SKUs of a list of E-commerce items read without a load. */
  const flaggedSkus: string[] = [];
  let reader: Worker | null = null;
  /** Answers handed to the reader whose end it has not reported yet: the load finishes once there are none. */
  const open = new Set<AnswerStream>();
  let finishing = false;
  let broken = false;

  /** Reports the failure (the reader's, or this thread's) once, and stops the reader. */
  function abort(m: Extract<FromWorker, { kind: 'failed' }>): void {
    if (broken) return;
    broken = true;
    post(m);
    void reader?.terminate();
  }
  const fail = (e: unknown) => abort(failedMessage(e));

  const toReader = (m: ToReader, transfer: ArrayBuffer[] = []) => reader!.postMessage(m, transfer);

  /** The reader, started with a load (or with the first bytes of an answer read without one), told what the load needs of it. */
  function startReader(): void {
    if (reader) return;
    const started = startOwnModule(moduleCode, { role: 'reader' });
    reader = started;
    started.on('message', fromReader);
    started.on('error', fail);
    // Stopped by this thread once the load is done (or has failed); on its own, it leaves answers unread.
    started.on('exit', (code) => {
      if (reader === started) fail(new Error(`the answer reader stopped (${code})`));
    });
    toReader({ kind: 'start', items: job !== null, watch: job?.watching ?? false, slice: job?.chunkRows ?? 5000 });
  }

  function fromReader(m: FromReader): void {
    if (broken) return;
    try {
      if (m.kind === 'failed') abort(m);
      else if (m.kind === 'taken') post(m, m.spare ? [m.spare] : []);
      else if (m.kind === 'rows') {
        if (m.lacksFlag !== undefined) job!.sawFirstItems(m.lacksFlag);
        job!.addRead(m.rows, m.skipped);
        post({ kind: 'progress', received: m.found, applied: job!.applied });
        toReader({ kind: 'written', slice: job!.chunkRows });
      } else if (m.kind === 'flagged') {
        if (job) job.addFlaggedSkus(m.skus);
        else for (const sku of m.skus) flaggedSkus.push(flaggedSku(sku));
      } else if (m.kind === 'ended') {
        // Every row read from this answer came before its end, and has been written.
        open.delete(m.stream);
        post(m);
        if (finishing && open.size === 0) finish();
      }
    } catch (e) {
      fail(e);
    }
  }

  function finish(): void {
    // Every answer has ended: the reader has nothing left to read, and its memory is given back
    // before the indexes and the search facts are built, when this thread needs the most.
    const done = reader;
    reader = null;
    void done?.terminate();
    const outcome = job!.finish();
    post({ kind: 'done', outcome });
  }

  port.on('message', (m: ToWorker) => {
    if (broken) return;
    try {
      if (m.kind === 'load') {
        job = new LoadJob(db, m.spec, () => post({ kind: 'lacks-flag' }));
        // An answer's reader starts now, while the request waits for the answer: a thread takes a tenth
        // of a second or more to start, and started at the first bytes it held the first rows back that long.
        if (m.spec.readsAnswer) startReader();
        post({ kind: 'ready' });
      } else if (m.kind === 'bytes' || m.kind === 'end') {
        startReader();
        open.add(m.stream);
        toReader(m, m.kind === 'bytes' ? [m.bytes] : []);
      } else if (m.kind === 'rows' || m.kind === 'items') {
        if (m.kind === 'rows') job!.addRows(m.rows);
        else job!.addItems(m.items);
        post({ kind: 'rows-written', applied: job!.applied });
      } else if (m.kind === 'finish') {
        // Asked once every answer has ended: an answer whose end the reader has not reported yet is waited for.
        finishing = true;
        if (open.size === 0) finish();
      } else if (m.kind === 'checkpoint') {
        copyLogBackOn(db);
        post({ kind: 'checkpointed' });
      } else if (m.kind === 'skus') post({ kind: 'skus', skus: flaggedSkus });
      else if (m.kind === 'facts') {
        const facts = factsOfStore(db, m.slot);
        post({ kind: 'facts', facts });
      } else if (m.kind === 'patch') {
        const facts = patchFacts(m.previous, m.change, m.anchors, filledRoom(m.room));
        post({ kind: 'facts', facts });
      } else if (m.kind === 'fill') {
        fillRoom(m.room);
        post({ kind: 'filled' });
      }
    } catch (e) {
      fail(e);
    }
  });
}
