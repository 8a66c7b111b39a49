import type { Worker } from 'node:worker_threads';
import { startModuleWorker, sqliteModulePath } from '../core/module-worker';
import type { Db } from '../core/store/database';
import type { ItemRow } from '../simpleconsign/inventory-row';
import { BulkWorkError } from './bulk-worker';
import type { CopyFacts, FactsRoom } from './copy-facts';
import type { LoadOutcome, LoadSpec } from './load-job';
import type { AnswerStream, FromWorker, ToWorker } from './load-messages';
import { WorkerLink, type PipedAnswer } from './worker-link';

export type { PipedAnswer };

export interface CopyLoadHooks {
  /** The worker has emptied the slot and waits for rows. */
  ready?: () => void;
  /** Items found in the answer so far, and items taken in (written, left out or skipped). */
  progress?: (received: number, applied: number) => void;
  /** The first items do not say whether they are E-commerce items: their list should be asked for and piped as 'flags'. */
  lacksFlag?: () => void;
}

const BUSY_MS = 60_000;

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
  /** Every worker started and not yet gone: the spare and those at their jobs. */
  private readonly live = new Set<Worker>();
  private closed = false;

  constructor(private readonly db: Db) {}

  /** Starts a worker now for the next job. */
  warm(): void {
    if (!this.closed && !this.spare) this.spare = this.started();
  }

  /** A worker for one job. */
  take(): Worker {
    if (this.closed) throw new BulkWorkError('the inventory copy is closed');
    const worker = this.spare ?? this.started();
    this.spare = null;
    worker.ref();
    return worker;
  }

  /**
   * Ends every worker, those at a job too (a read of the search facts nobody waits for any more),
   * and settles once each has gone with its connection: nothing opens the store's file after the
   * app has closed it. No worker is started afterwards.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.spare = null;
    await Promise.all([...this.live].map((w) => w.terminate()));
  }

  private started(): Worker {
    const worker = startWorker(this.db);
    this.live.add(worker);
    worker.once('exit', () => this.live.delete(worker));
    return worker;
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

  private constructor(workers: CopyWorkers, spec: LoadSpec, hooks: CopyLoadHooks) {
    this.link = new WorkerLink(workers, (m) => {
      if (m.kind === 'ready') hooks.ready?.();
      else if (m.kind === 'progress') hooks.progress?.(m.received, m.applied);
      else if (m.kind === 'lacks-flag') hooks.lacksFlag?.();
    });
    this.ready = this.link.wait('ready');
    this.ready.catch(() => undefined);
    this.link.send({ kind: 'load', spec });
  }

  /** Bytes of an answer handed to the worker and not yet taken in by it. */
  unread(stream: AnswerStream): number {
    return this.link.unread(stream);
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
    return this.link.pipe(stream, pieces);
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

  /**
   * Once every answer piped has ended: the indexes, the full-text index and the search facts, then
   * `commit` (on this thread: the switch that makes the new copy the one searched). Only then does
   * the worker copy the load's long log back into the file, and end. A commit that throws leaves the
   * worker to the caller's `stop`.
   */
  async finish<T>(commit: (outcome: LoadOutcome) => T): Promise<T> {
    await this.ready;
    const done = this.link.wait('done');
    this.link.send({ kind: 'finish' });
    const committed = commit((await done).outcome);
    const checkpointed = this.link.wait('checkpointed');
    this.link.send({ kind: 'checkpoint' });
    // The copy is committed: a worker that fails now leaves the log to a later commit.
    await checkpointed.catch(() => undefined);
    await this.link.stop();
    return committed;
  }

  /** Stops the worker; whatever it wrote stays in a slot no search reads. */
  stop(): Promise<void> {
    return this.link.stop();
  }
}

/** One question to a worker of its own, and its answer; the worker ends with it. */
async function askWorker<K extends FromWorker['kind']>(workers: CopyWorkers, ask: ToWorker, kind: K): Promise<Extract<FromWorker, { kind: K }>> {
  const link = new WorkerLink(workers);
  try {
    const answer = link.wait(kind);
    link.send(ask);
    return await answer;
  } finally {
    await link.stop();
  }
}

/** The search facts of a stored slot, read and sorted in a worker (or patched there: facts-patch.ts). */
export async function readFacts(workers: CopyWorkers, ask: Extract<ToWorker, { kind: 'facts' | 'patch' }>): Promise<CopyFacts> {
  return (await askWorker(workers, ask, 'facts')).facts;
}

/**
 * The facts patched by a worker started for it (`roomWorker`), which then copies the store's log
 * back into the file once `paused` settles (the copy slows the first searches of the new version
 * it would run beside; a worker started for it alone, more so). The worker ends after that;
 * `copiedBack` settles (never fails) then, false when it could not.
 */
export function patchThenCopyBack(link: WorkerLink, ask: Extract<ToWorker, { kind: 'patch' }>, paused: () => Promise<void>): { facts: Promise<CopyFacts>; copiedBack: Promise<boolean> } {
  const facts = link.wait('facts').then((m) => m.facts);
  const checkpointed = link.wait('checkpointed');
  link.send(ask);
  facts.then(paused).then(
    () => link.send({ kind: 'checkpoint' }),
    () => undefined,
  );
  const copiedBack = checkpointed.then(
    () => true,
    () => false,
  );
  return { facts, copiedBack: copiedBack.finally(() => link.stop()) };
}

/**
 * A worker for the next patch of the search facts, started as a change set is asked for: it writes
 * the patch's room through meanwhile (see FactsRoom), then waits for the patch. `filled` settles
 * (never fails) once the room is filled or could not be.
 */
export function roomWorker(workers: CopyWorkers, room: FactsRoom): { link: WorkerLink; filled: Promise<void> } {
  const link = new WorkerLink(workers);
  const filled = link.wait('filled').then(
    () => undefined,
    () => undefined,
  );
  link.send({ kind: 'fill', room });
  return { link, filled };
}

/**
 * The SKUs (as `flaggedSku` gives them) of an answer of E-commerce items, read in a worker as its
 * bytes arrive: the main thread neither holds nor parses the list. Null SKUs when the answer had no list.
 */
export async function readFlaggedSkus(workers: CopyWorkers, pieces: AsyncIterable<Uint8Array>): Promise<PipedAnswer & { skus: string[] | null }> {
  const link = new WorkerLink(workers);
  try {
    const piped = await link.pipe('flags', pieces);
    if (piped.total === null) return { ...piped, skus: null };
    const answer = link.wait('skus');
    link.send({ kind: 'skus' });
    return { ...piped, skus: (await answer).skus };
  } finally {
    await link.stop();
  }
}
