import { Worker } from 'node:worker_threads';
import { appModulePath } from '../module-worker';

export type KeychainOp = { op: 'get'; account: string } | { op: 'set'; account: string; value: string } | { op: 'delete'; account: string };

// Plain JS run by the worker. The synchronous API blocks this thread only, never the main thread or
// libuv's shared thread pool (which also reads files for the pages the app serves). One entry per
// account is kept while the worker lives, so a burst of calls shares a few Secret Service connections.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Entry } = require(workerData.module);
const options = workerData.linux ? { linux: { store: 'secret-service' } } : undefined;
const entries = new Map();
function entry(account) {
  let e = entries.get(account);
  if (!e) {
    e = new Entry(workerData.service, account, options);
    entries.set(account, e);
  }
  return e;
}
parentPort.on('message', (m) => {
  try {
    let value = null;
    if (m.op === 'get') value = entry(m.account).getPassword() ?? null;
    else if (m.op === 'set') entry(m.account).setPassword(m.value);
    else entry(m.account).deleteCredential();
    parentPort.postMessage({ id: m.id, ok: true, value });
  } catch (e) {
    entries.delete(m.account);
    parentPort.postMessage({ id: m.id, ok: false, message: String((e && e.message) || e) });
  }
});
`;

interface Pending {
  worker: Worker;
  resolve(value: string | null): void;
  reject(error: Error): void;
}

/**
 * The keychain module run in a worker thread that is recycled: ended when the calls stop (`idle`),
 * which closes every Secret Service connection it opened (the module offers no way to close one, and
 * would otherwise keep each until a garbage collection), and given up on when a call is stuck
 * (`abandon`). A worker that was given up on counts as busy until its thread has really stopped, so
 * at most one stuck call is ever held.
 */
export class KeychainWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly service: string,
    private readonly linuxSecretService = process.platform === 'linux',
    /** How long an idle worker is kept for the next call. */
    private readonly idleMs = 1_000,
  ) {}

  run(call: KeychainOp): Promise<string | null> {
    this.cancelIdle();
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Held (ref) only while it owes an answer: an idle worker never keeps the process alive.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, ...call });
    });
  }

  /**
   * No call is waiting: the worker is ended, closing its connections, once no call has come for a
   * moment, so a page's calls in quick succession share one worker instead of each starting one.
   */
  idle(): void {
    if (this.pending.size > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size === 0) this.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** The call in progress ran past its deadline: the worker is ended; its calls fail once its thread has stopped. */
  abandon(): void {
    this.cancelIdle();
    this.stop();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: appModulePath('@napi-rs/keyring'), service: this.service, linux: this.linuxSecretService } });
    worker.unref();
    worker.on('message', (m: { id: number; ok: boolean; value: string | null; message?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (![...this.pending.values()].some((q) => q.worker === worker)) worker.unref();
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.message));
    });
    worker.on('error', (e) => this.failAll(worker, e));
    worker.on('exit', () => this.failAll(worker, new Error('the keychain worker stopped')));
    this.worker = worker;
    return worker;
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    // Only this worker's calls: a worker started after it has its own.
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    void worker.terminate();
  }
}
