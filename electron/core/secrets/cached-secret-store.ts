import { KeychainTimeoutError, KeychainUnavailableError, type SecretStore } from './secret-store';

export interface CachedSecretStoreOptions {
  /** How long one keychain call may take before the app says the keychain did not answer. */
  timeoutMs?: number;
  /** Told about every value read or written, so error texts can be scrubbed of it. */
  onSecret?: (value: string) => void;
}

type KeychainStatus = Awaited<ReturnType<SecretStore['describe']>>;

/**
 * The keychain as the app uses it: each secret is read once and kept in memory for the run, so a status
 * poll or a list never reaches the keychain; every call has a deadline; and only one call is in flight at a
 * time, so a stuck keychain holds one background thread, never the app. While a call that ran past its
 * deadline has not come back, further calls are answered at once with "the keychain did not answer".
 */
export class CachedSecretStore implements SecretStore {
  private readonly values = new Map<string, string | null>();
  private status: Promise<KeychainStatus> | null = null;
  private lane: Promise<unknown> = Promise.resolve();
  private stuck = false;
  private backend = 'system keychain';
  private readonly timeoutMs: number;

  constructor(
    private readonly inner: SecretStore,
    private readonly opts: CachedSecretStoreOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 8000;
  }

  /** Probed once per run; afterwards kept up to date from the outcome of real calls. */
  describe(): Promise<KeychainStatus> {
    this.status ??= this.call(() => this.inner.describe()).then(
      (s) => ((this.backend = s.backend), s),
      (e: unknown) => this.unavailable(e),
    );
    return this.status;
  }

  async get(account: string): Promise<string | null> {
    if (this.values.has(account)) return this.values.get(account)!;
    // Remembered inside the call, so an answer that comes after the deadline still counts.
    return this.call(() => this.inner.get(account).then((value) => (this.remember(account, value), value)));
  }

  async set(account: string, value: string): Promise<void> {
    this.values.delete(account);
    this.opts.onSecret?.(value);
    await this.call(() => this.inner.set(account, value).then(() => this.remember(account, value)));
  }

  async delete(account: string): Promise<void> {
    this.values.delete(account);
    await this.call(() => this.inner.delete(account).then(() => this.remember(account, null)));
  }

  private remember(account: string, value: string | null): void {
    this.values.set(account, value);
    if (value !== null) this.opts.onSecret?.(value);
  }

  private unavailable(error: unknown): KeychainStatus {
    const message = error instanceof Error ? error.message : String(error);
    return { available: false, backend: this.backend, message };
  }

  /** Runs one keychain call after the previous one, with a deadline; a late answer frees the lane. */
  private call<T>(work: () => Promise<T>): Promise<T> {
    if (this.stuck) return Promise.reject(this.timeoutError());
    const run = this.lane.then(work);
    this.lane = run.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stuck = true;
        this.status = Promise.resolve(this.unavailable(this.timeoutError()));
        void run.finally(() => {
          this.stuck = false;
          this.status = null;
        }).catch(() => undefined);
        reject(this.timeoutError());
      }, this.timeoutMs);
      run.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => {
          clearTimeout(timer);
          if (e instanceof KeychainUnavailableError) this.status = Promise.resolve(this.unavailable(e));
          reject(e);
        },
      );
    });
  }

  private timeoutError(): KeychainTimeoutError {
    return new KeychainTimeoutError(this.backend, Math.round(this.timeoutMs / 1000));
  }
}
