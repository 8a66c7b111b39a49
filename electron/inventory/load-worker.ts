/**
 * The worker that writes the inventory copy (started by copy-load.ts, one per load): its own
 * connection to the store's file, the answer's bytes taken in as they arrive, items read and
 * written a slice at a time while the rest is still arriving, then the indexes and the search
 * facts. The main thread only hands bytes over and commits the result.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { SpooledJsonList } from '../core/http/spooled-json-list';
import { transactionsTakeTheWriteLock } from '../core/store/write-lock';
import { transferablesOf } from './copy-facts';
import { flaggedSku } from './copy-filter';
import { factsOfStore, LoadJob, type LoadSpec } from './load-job';
import type { ToWorker, FromWorker, AnswerStream } from './load-messages';

const { sqlite, file, busyMs, maxPageCount } = workerData as { sqlite: string; file: string; busyMs: number; maxPageCount: number };
const port = parentPort!;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

// The copy is background work: where a thread's priority is its own (Linux), this one gives way to
// the app's main thread, which answers the screen.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here: the worker runs at the app's priority.
  }
}

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
const lists: Partial<Record<AnswerStream, SpooledJsonList>> = {};
const ended = new Set<AnswerStream>();
let finishing = false;
let scheduled = false;
let broken = false;

function fail(e: unknown, stream?: AnswerStream): void {
  broken = true;
  const err = e as { message?: string; code?: string };
  post({ kind: 'failed', message: String(err?.message ?? e), code: err?.code, syntax: e instanceof SyntaxError, stream });
  for (const list of Object.values(lists)) list?.close();
}

/** One slice of whichever answer has elements waiting; answers whether there was one. */
function step(): boolean {
  for (const stream of ['flags', 'items'] as const) {
    const list = lists[stream];
    // Without a load, only a list of E-commerce items is read (for its SKUs).
    if (!list || (!job && stream === 'items')) continue;
    // Slices fill up while the answer arrives; once it has ended, what is left goes as it is. The
    // first items go at once: they tell whether the E-commerce list must be asked for.
    const want = stream === 'items' && job ? job.chunkRows : 5000;
    const early = stream === 'items' && !!job?.watching;
    if (list.waiting === 0 || (list.waiting < want && !early && !ended.has(stream) && !finishing)) continue;
    let raw: unknown[] | null;
    try {
      raw = list.take(want);
    } catch (e) {
      fail(e, stream);
      return false;
    }
    if (!raw) continue;
    if (stream === 'items' && job) {
      job.addItems(raw);
      post({ kind: 'progress', received: list.found, applied: job.applied });
    } else if (job) job.addFlaggedItems(raw);
    else for (const item of raw) flaggedSkus.push(flaggedSku(item));
    return true;
  }
  return false;
}

const reported = new Set<AnswerStream>();

/** An answer is said to have ended once all of it has arrived and every item of it has been taken in. */
function reportEnds(): void {
  for (const stream of ended) {
    const list = lists[stream]!;
    if (reported.has(stream) || list.waiting > 0) continue;
    reported.add(stream);
    const { fields, hasList } = list.shell;
    post({ kind: 'ended', stream, total: hasList ? list.found : null, shell: fields });
  }
}

/** Works a slice per turn of the event loop, so arriving bytes are taken in between slices. */
function schedule(): void {
  if (scheduled || broken) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    try {
      const worked = step();
      reportEnds();
      if (worked) schedule();
    } catch (e) {
      fail(e);
    }
  });
}

function finish(): void {
  finishing = true;
  while (step());
  if (broken) return;
  const outcome = job!.finish();
  for (const list of Object.values(lists)) list?.close();
  post({ kind: 'done', outcome }, transferablesOf(outcome.facts));
}

port.on('message', (m: ToWorker) => {
  if (broken) return;
  try {
    if (m.kind === 'load') {
      job = new LoadJob(db, m.spec as LoadSpec, () => post({ kind: 'lacks-flag' }));
      post({ kind: 'ready' });
    } else if (m.kind === 'bytes') {
      const list = (lists[m.stream] ??= new SpooledJsonList());
      let free: boolean;
      try {
        free = list.feed(new Uint8Array(m.bytes, 0, m.length));
      } catch (e) {
        return fail(e, m.stream);
      }
      // The buffer goes back to be filled again: a fresh megabyte per message costs the main thread more than its bytes.
      const taken = { kind: 'taken' as const, stream: m.stream, bytes: m.bytes.byteLength };
      if (free) post({ ...taken, spare: m.bytes }, [m.bytes]);
      else post(taken);
      schedule();
    } else if (m.kind === 'end') {
      const list = (lists[m.stream] ??= new SpooledJsonList());
      try {
        list.end();
      } catch (e) {
        return fail(e, m.stream);
      }
      ended.add(m.stream);
      reportEnds();
      schedule();
    } else if (m.kind === 'rows' || m.kind === 'items') {
      if (m.kind === 'rows') job!.addRows(m.rows);
      else job!.addItems(m.items);
      post({ kind: 'rows-written', applied: job!.applied });
    } else if (m.kind === 'finish') finish();
    else if (m.kind === 'checkpoint') {
      job!.checkpoint();
      post({ kind: 'checkpointed' });
    }
    else if (m.kind === 'skus') post({ kind: 'skus', skus: flaggedSkus });
    else if (m.kind === 'facts') {
      const facts = factsOfStore(db, m.slot);
      post({ kind: 'facts', facts }, transferablesOf(facts));
    }
  } catch (e) {
    fail(e);
  }
});
