import type { Worker } from 'node:worker_threads';
import { startModuleWorker, sqliteModulePath } from '../core/module-worker';
import type { Db } from '../core/store/database';
import type { ItemRow } from '../simpleconsign/inventory-row';
import { BulkWorkError } from './bulk-worker';
import type { CopyFacts } from './copy-facts';
import type { LoadOutcome, LoadSpec } from './load-job';
import type { AnswerStream, FromWorker, ToWorker } from './load-messages';
import type { Slot } from './slot-schema';

export interface CopyLoadHooks {
  /** The worker has emptied the slot and waits for rows. */
  ready?: () => void;
  /** Items found in the answer so far, and items taken in (written, left out or skipped). */
  progress?: (received: number, applied: number) => void;
  /** The first items do not say whether they are E-commerce items: their list should be asked for and piped as 'flags'. */
  lacksFlag?: () => void;
}

/** An answer as the worker found it once it had ended: how many items its list held (null: no list) and its other fields. */
export interface PipedAnswer {
  total: number | null;
  shell: Record<string, unknown> | null;
}

type Waiter = { kind: FromWorker['kind']; stream?: AnswerStream; resolve: (m: FromWorker) => void; reject: (e: Error) => void };

/** The bytes as a buffer the worker may own: a piece that shares its memory with others is copied first. */
function ownedPiece(piece: Uint8Array): ArrayBuffer {
  const whole = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer;
  return whole ? (piece.buffer as ArrayBuffer) : (piece.slice().buffer as ArrayBuffer);
}

const BUSY_MS = 60_000;
const BATCH_BYTES = 1024 * 1024;
/**
 * Bytes of an answer handed to the worker and not yet taken in, past which the answer is not read
 * further: the rest waits in the socket (and the vendor's side of it), not in this process. The
 * worker takes bytes in between its slices, so an answer that arrives faster than its items are
 * written would otherwise pile up here whole (half a gigabyte for a million items).
 */
const IN_FLIGHT_BYTES = 8 * BATCH_BYTES;

/**
 * Gathers the pieces of an answer that have already arrived into one message of up to a megabyte: a
 * message costs both threads more than the copy. Nothing waits for more to come: what is gathered
 * goes once the pieces queued now are taken (the next turn of the event loop), so the worker reads
 * the first items while the rest is still on its way.
 */
class PieceBatch {
  private buffer = new Uint8Array(BATCH_BYTES);
  private filled = 0;
  private pending: NodeJS.Immediate | null = null;

  /** `bytes` is moved to the worker; its first `length` bytes are the answer's. */
  constructor(private readonly send: (bytes: ArrayBuffer, length: number) => void) {}

  add(piece: Uint8Array): void {
    if (piece.length >= BATCH_BYTES) {
      this.flush();
      this.send(ownedPiece(piece), piece.length);
      return;
    }
    if (this.filled + piece.length > BATCH_BYTES) this.flush();
    this.buffer.set(piece, this.filled);
    this.filled += piece.length;
    this.pending ??= setImmediate(() => this.flush());
  }

  /** What is gathered, left unsent (the answer failed). */
  drop(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.filled = 0;
  }

  flush(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    if (this.filled === 0) return;
    const length = this.filled;
    this.filled = 0;
    // A batch at least half full is moved as it is (no second copy of the answer); a small one, gathered
    // while the answer trickles in, is copied out so a megabyte is not moved for a few kilobytes.
    if (length < BATCH_BYTES / 2) return this.send(this.buffer.buffer.slice(0, length), length);
    const bytes = this.buffer.buffer;
    this.buffer = new Uint8Array(BATCH_BYTES);
    this.send(bytes, length);
  }
}

/** Starts a worker over the store's file (see load-worker.ts). */
function startWorker(db: Db): Worker {
  if (db.memory || !db.name) throw new Error('the inventory copy is written by a worker, which needs the store in a file');
  // A page limit set on the store's connection holds for the worker's too.
  const maxPageCount = db.pragma('max_page_count', { simple: true }) as number;
  const worker = startModuleWorker('inventory-worker', () => new URL('./load-worker.ts', import.meta.url), { sqlite: sqliteModulePath(), file: db.name, busyMs: BUSY_MS, maxPageCount });
  // A spare waiting for its job never keeps the app from exiting.
  worker.unref();
  return worker;
}

/**
 * The copy's workers: each job (a load, a read of the search facts) takes one and ends it. A worker
 * may be started ahead of its job (`warm`): a load starts one as it sends its request, so neither
 * the load nor the read of the facts after it waits for a worker to start (a worker loads the item
 * reader and its schema, which takes a while on a busy machine). None is kept waiting otherwise.
 */
export class CopyWorkers {
  private spare: Worker | null = null;
  private closed = false;

  constructor(private readonly db: Db) {}

  /** Starts a worker now for the next job. */
  warm(): void {
    if (!this.closed && !this.spare) this.spare = startWorker(this.db);
  }

  /** A worker for one job. */
  take(): Worker {
    const worker = this.spare ?? startWorker(this.db);
    this.spare = null;
    worker.ref();
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = null;
    await spare?.terminate();
  }
}

/**
 * One worker doing one job, seen from the main thread: messages out, answers awaited in the order
 * they come, a failure rejecting everything still waited for.
 */
class WorkerLink {
  private readonly worker: Worker;
  private readonly waiting: Waiter[] = [];
  private failure: Error | null = null;

  constructor(workers: CopyWorkers, private readonly onMessage: (m: FromWorker) => void = () => {}) {
    this.worker = workers.take();
    this.worker.on('message', (m: FromWorker) => this.received(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new BulkWorkError(`the inventory worker stopped (${code})`)));
  }

  private received(m: FromWorker): void {
    if (m.kind === 'failed') {
      this.fail(m.syntax ? new SyntaxError(m.message) : new BulkWorkError(m.message, m.code));
      return;
    }
    this.onMessage(m);
    const i = this.waiting.findIndex((w) => w.kind === m.kind && (w.stream === undefined || ('stream' in m && w.stream === m.stream)));
    if (i >= 0) this.waiting.splice(i, 1)[0].resolve(m);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }

  send(m: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (!this.failure) this.worker.postMessage(m, transfer);
  }

  /** The next answer of this kind (for this stream). */
  wait<K extends FromWorker['kind']>(kind: K, stream?: AnswerStream): Promise<Extract<FromWorker, { kind: K }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ kind, stream, resolve: resolve as (m: FromWorker) => void, reject }));
  }

  async stop(): Promise<void> {
    this.fail(new BulkWorkError('the load was stopped'));
    await this.worker.terminate();
  }
}

/**
 * A new copy of the inventory being written into the slot searches do not read. Rows come from
 * either source through the same path: SimpleConsign's answer as its bytes arrive (`pipe`: the
 * worker reads the items), or slices of items or rows already read (`addItems`, `addRows`: a store
 * server's, say; see copy-feed.ts). `finish` builds the
 * indexes and the search facts; the caller then switches generations and moves the watermark in
 * one transaction of its own. Stopped or failed, it leaves nothing any search reads.
 */
export class CopyLoad {
  private readonly link: WorkerLink;
  private readonly ready: Promise<unknown>;
  /** Bytes of each answer sent to the worker and not yet taken in. */
  private readonly inFlight: Record<AnswerStream, number> = { items: 0, flags: 0 };

  private constructor(workers: CopyWorkers, spec: LoadSpec, hooks: CopyLoadHooks) {
    this.link = new WorkerLink(workers, (m) => {
      if (m.kind === 'taken') this.inFlight[m.stream] -= m.bytes;
      else if (m.kind === 'ready') hooks.ready?.();
      else if (m.kind === 'progress') hooks.progress?.(m.received, m.applied);
      else if (m.kind === 'lacks-flag') hooks.lacksFlag?.();
    });
    this.ready = this.link.wait('ready');
    this.ready.catch(() => undefined);
    this.link.send({ kind: 'load', spec });
  }

  /** Bytes of an answer handed to the worker and not yet taken in by it. */
  unread(stream: AnswerStream): number {
    return this.inFlight[stream];
  }

  /** Starts the worker, which empties the slot at once (while the source is still being asked). */
  static start(workers: CopyWorkers, spec: LoadSpec, hooks: CopyLoadHooks = {}): CopyLoad {
    return new CopyLoad(workers, spec, hooks);
  }

  /**
   * Hands an answer's bytes to the worker as they arrive, and answers once it has them all and has
   * found its end. Rejects with a SyntaxError when the answer is not JSON of a list's shape, with the
   * body's own error when receiving it failed.
   */
  async pipe(stream: AnswerStream, pieces: AsyncIterable<Uint8Array>): Promise<PipedAnswer> {
    await this.ready;
    const ended = this.link.wait('ended', stream);
    ended.catch(() => undefined);
    const batch = new PieceBatch((bytes, length) => {
      this.inFlight[stream] += bytes.byteLength;
      this.link.send({ kind: 'bytes', stream, bytes, length }, [bytes]);
    });
    try {
      for await (const piece of pieces) {
        batch.add(piece);
        // The worker behind: read no further until it has taken in what it was given.
        while (this.inFlight[stream] > IN_FLIGHT_BYTES) await this.link.wait('taken', stream);
      }
    } catch (e) {
      batch.drop();
      throw e;
    }
    batch.flush();
    this.link.send({ kind: 'end', stream });
    const { total, shell } = await ended;
    return { total, shell };
  }

  /** Rows already read, in the copy's column order; answers once they are written, with the items taken in so far. */
  addRows(rows: ItemRow[]): Promise<number> {
    return this.write({ kind: 'rows', rows });
  }

  /** Items as SimpleConsign sends them (read and checked in the worker, as an answer's are); answers as `addRows`. */
  addItems(items: unknown[]): Promise<number> {
    return this.write({ kind: 'items', items });
  }

  private async write(m: Extract<ToWorker, { kind: 'rows' | 'items' }>): Promise<number> {
    await this.ready;
    const written = this.link.wait('rows-written');
    this.link.send(m);
    return (await written).applied;
  }

  /** Once every answer piped has ended: the indexes, the full-text index and the search facts. */
  async finish(): Promise<LoadOutcome> {
    await this.ready;
    const done = this.link.wait('done');
    this.link.send({ kind: 'finish' });
    const { outcome } = await done;
    await this.link.stop();
    return outcome;
  }

  /** Stops the worker; whatever it wrote stays in a slot no search reads. */
  stop(): Promise<void> {
    return this.link.stop();
  }
}

/** The search facts of a stored slot, read and sorted in a worker. */
export async function readFacts(workers: CopyWorkers, slot: Slot): Promise<CopyFacts> {
  const link = new WorkerLink(workers);
  try {
    const answer = link.wait('facts');
    link.send({ kind: 'facts', slot });
    return (await answer).facts;
  } finally {
    await link.stop();
  }
}
