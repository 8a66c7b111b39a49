import { KeychainBusyError, KeychainTimeoutError, KeychainUnavailableError, type SecretStore } from './secret-store';

export interface CachedSecretStoreOptions {
  /** How long one keychain call may take before the app says the keychain did not answer. */
  timeoutMs?: number;
  /** Told about every value read or written, so error texts can be scrubbed of it. */
  onSecret?: (account: string, value: string) => void;
  /** Writes that may wait for the keychain at once; more are refused at once (reads of one secret share one call). */
  maxWaitingWrites?: number;
  /** How long a keychain found working is trusted before a status request checks it again (in the background). */
  recheckMs?: number;
  now?: () => number;
}

type KeychainStatus = Awaited<ReturnType<SecretStore['describe']>>;

interface Job {
  kind: 'read' | 'write';
  work: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** After the keychain is found missing, reads answer from that finding for this long, doubling up to a minute. */
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * The keychain as the app uses it:
 * - each secret is read once and kept in memory for the run, and concurrent reads of one secret share
 *   one keychain call, so a status poll, a list or a burst of them never multiplies keychain calls;
 * - one call runs at a time, with a deadline counted from its start; a stuck call is given up on
 *   (`abandon`), and until it has come back every other call is answered at once with "the keychain
 *   did not answer";
 * - few writes may wait (a burst beyond that is refused at once), and the inner store is told when
 *   nothing waits (`idle`), so it can close its connections;
 * - a keychain that went away is noticed (a status request re-checks it now and then, in the
 *   background) and reads then answer "not available" from memory with a growing pause before the
 *   keychain is tried again, instead of retrying in a loop.
 */
export class CachedSecretStore implements SecretStore {
  private readonly values = new Map<string, string | null>();
  private readonly reads = new Map<string, Promise<string | null>>();
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private stuck = false;
  private status: KeychainStatus | null = null;
  private checkAfter = 0;
  private checking: Promise<KeychainStatus> | null = null;
  private down: { error: KeychainUnavailableError; until: number; pauseMs: number } | null = null;
  private backend = 'system keychain';
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: SecretStore,
    private readonly opts: CachedSecretStoreOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 8000;
    this.now = opts.now ?? Date.now;
  }

  /** Probed once, then answered from what is known; re-checked in the background once that is old. */
  describe(): Promise<KeychainStatus> {
    if (this.stuck) return Promise.resolve(this.unavailable(this.timeoutError()));
    if (!this.status) return this.check();
    if (this.now() >= this.checkAfter && !this.checking) void this.check();
    return Promise.resolve(this.status);
  }

  get(account: string): Promise<string | null> {
    if (this.values.has(account)) return Promise.resolve(this.values.get(account)!);
    const shared = this.reads.get(account);
    if (shared) return shared;
    // Remembered inside the call, so an answer that comes after the deadline still counts.
    const read = this.call('read', () => this.inner.get(account).then((value) => (this.remember(account, value), value)));
    this.reads.set(account, read);
    const forget = () => void (this.reads.get(account) === read && this.reads.delete(account));
    read.then(forget, forget);
    return read;
  }

  async set(account: string, value: string): Promise<void> {
    this.values.delete(account);
    this.reads.delete(account);
    this.opts.onSecret?.(account, value);
    await this.call('write', () => this.inner.set(account, value).then(() => this.remember(account, value)));
  }

  async delete(account: string): Promise<void> {
    this.values.delete(account);
    this.reads.delete(account);
    await this.call('write', () => this.inner.delete(account).then(() => this.remember(account, null)));
  }

  private remember(account: string, value: string | null): void {
    this.values.set(account, value);
    if (value !== null) this.opts.onSecret?.(account, value);
  }

  private check(): Promise<KeychainStatus> {
    const checking = this.call('read', () => this.inner.describe()).then(
      (s) => {
        this.backend = s.backend;
        if (s.available) this.up(s);
        else this.markDown(new KeychainUnavailableError(s.backend, s.message, 'read'), s);
        return s;
      },
      (e: unknown) => this.status ?? this.unavailable(e),
    );
    this.checking = checking;
    void checking.finally(() => (this.checking = null));
    return checking;
  }

  private up(status?: KeychainStatus): void {
    this.down = null;
    if (status) this.setStatus(status, this.opts.recheckMs ?? 15_000);
    // A call that worked after the keychain was missing: the status is checked again at the next request.
    else if (this.status && !this.status.available) this.status = null;
  }

  private markDown(error: KeychainUnavailableError, status = this.unavailable(error)): void {
    const pauseMs = this.down ? Math.min(this.down.pauseMs * 2, MAX_BACKOFF_MS) : FIRST_BACKOFF_MS;
    this.down = { error, until: this.now() + pauseMs, pauseMs };
    this.setStatus(status, pauseMs);
  }

  private setStatus(status: KeychainStatus, validMs: number): void {
    this.status = status;
    this.checkAfter = this.now() + validMs;
  }

  private unavailable(error: unknown): KeychainStatus {
    const message = error instanceof Error ? error.message : String(error);
    return { available: false, backend: this.backend, message };
  }

  /** Queues one keychain call; refuses at once when stuck, when known missing (reads), or when too many writes wait. */
  private call<T>(kind: Job['kind'], work: () => Promise<T>): Promise<T> {
    if (this.stuck) return Promise.reject(this.timeoutError());
    if (kind === 'read' && this.down && this.now() < this.down.until) return Promise.reject(this.down.error);
    const waitingWrites = this.queue.filter((j) => j.kind === 'write').length;
    if (kind === 'write' && waitingWrites >= (this.opts.maxWaitingWrites ?? 32)) return Promise.reject(new KeychainBusyError(this.backend, waitingWrites));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, work, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return this.inner.idle?.();
    this.running = job;
    let late = false;
    const timer = setTimeout(() => ((late = true), this.timedOut(job)), this.timeoutMs);
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      if (this.running === job) this.running = null;
      if (late) {
        // The stuck call came back: the keychain is asked again from the next request on.
        this.stuck = false;
        this.status = null;
      } else fn();
      this.pump();
    };
    job.work().then(
      (value) => settle(() => (this.up(), job.resolve(value))),
      (error: unknown) => settle(() => {
        if (error instanceof KeychainUnavailableError) this.markDown(error);
        job.reject(error);
      }),
    );
  }

  private timedOut(job: Job): void {
    this.stuck = true;
    const error = this.timeoutError();
    job.reject(error);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
    this.inner.abandon?.();
  }

  private timeoutError(): KeychainTimeoutError {
    return new KeychainTimeoutError(this.backend, Math.round(this.timeoutMs / 1000));
  }
}
