import type { Worker } from 'node:worker_threads';
import { BulkWorkError } from './bulk-worker';
import type { AnswerStream, FromWorker, ToWorker } from './load-messages';

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

const BATCH_BYTES = 1024 * 1024;
/**
 * Bytes of an answer handed to the worker and not yet taken in, past which the answer is not read
 * further: the rest waits in the socket (and the vendor's side of it), not in this process. The
 * worker takes bytes in between its slices, so an answer that arrives faster than its items are
 * written would otherwise pile up here whole (half a gigabyte for a million items).
 */
const IN_FLIGHT_BYTES = 4 * BATCH_BYTES;
/** Batches kept for reuse: as many as may be in flight, and one being filled. */
const SPARES = IN_FLIGHT_BYTES / BATCH_BYTES + 1;

/**
 * Gathers the pieces of an answer that have already arrived into one message of up to a megabyte: a
 * message costs both threads more than the copy. Nothing waits for more to come: what is gathered
 * goes once the pieces queued now are taken (the next turn of the event loop), so the worker reads
 * the first items while the rest is still on its way.
 */
class PieceBatch {
  private buffer: Uint8Array<ArrayBuffer>;
  private filled = 0;
  private pending: NodeJS.Immediate | null = null;

  /**
   * `bytes` is moved to the worker; its first `length` bytes are the answer's. `fresh` gives an
   * empty batch: one the worker handed back when there is one.
   */
  constructor(
    private readonly send: (bytes: ArrayBuffer, length: number) => void,
    private readonly fresh: () => Uint8Array<ArrayBuffer>,
  ) {
    this.buffer = fresh();
  }

  /**
   * Takes a piece. Pieces that have already arrived are read one after another without the event
   * loop turning: a full batch is sent, and the loop let turn, before the piece that would not fit,
   * so nothing else (a search, a sale) waits behind the answer.
   */
  async add(piece: Uint8Array): Promise<void> {
    if (piece.length >= BATCH_BYTES) {
      this.flush();
      this.send(ownedPiece(piece), piece.length);
      return;
    }
    if (this.filled + piece.length > BATCH_BYTES) {
      this.flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
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
    this.buffer = this.fresh();
    this.send(bytes, length);
  }
}

/**
 * One worker doing one job, seen from the main thread: messages out, answers awaited in the order
 * they come, a failure rejecting everything still waited for.
 */
export class WorkerLink {
  private readonly worker: Worker;
  private readonly waiting: Waiter[] = [];
  private failure: Error | null = null;
  /** Bytes of each answer sent to the worker and not yet taken in. */
  private readonly inFlight: Record<AnswerStream, number> = { items: 0, flags: 0 };
  /** Batches the worker has handed back, to be filled again. */
  private readonly spares: ArrayBuffer[] = [];

  constructor(workers: { take(): Worker }, private readonly onMessage: (m: FromWorker) => void = () => {}) {
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
    if (m.kind === 'taken') {
      this.inFlight[m.stream] -= m.bytes;
      if (m.spare?.byteLength === BATCH_BYTES && this.spares.length < SPARES) this.spares.push(m.spare);
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

  /** Bytes of an answer handed to the worker and not yet taken in by it. */
  unread(stream: AnswerStream): number {
    return this.inFlight[stream];
  }

  /**
   * Hands an answer's bytes to the worker as they arrive, and answers once it has them all and has
   * found its end. Rejects with a SyntaxError when the answer is not JSON of a list's shape, with the
   * body's own error when receiving it failed.
   */
  async pipe(stream: AnswerStream, pieces: AsyncIterable<Uint8Array>): Promise<PipedAnswer> {
    const ended = this.wait('ended', stream);
    ended.catch(() => undefined);
    const batch = new PieceBatch(
      (bytes, length) => {
        this.inFlight[stream] += bytes.byteLength;
        this.send({ kind: 'bytes', stream, bytes, length }, [bytes]);
      },
      () => new Uint8Array(this.spares.pop() ?? new ArrayBuffer(BATCH_BYTES)),
    );
    try {
      for await (const piece of pieces) {
        await batch.add(piece);
        // The worker behind: read no further until it has taken in what it was given.
        while (this.inFlight[stream] > IN_FLIGHT_BYTES) await this.wait('taken', stream);
      }
    } catch (e) {
      batch.drop();
      throw e;
    }
    batch.flush();
    this.send({ kind: 'end', stream });
    const { total, shell } = await ended;
    return { total, shell };
  }

  async stop(): Promise<void> {
    this.fail(new BulkWorkError('the load was stopped'));
    await this.worker.terminate();
  }
}
