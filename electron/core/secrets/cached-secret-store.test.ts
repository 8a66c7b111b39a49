import { afterEach, describe, expect, it, vi } from 'vitest';
import { CachedSecretStore } from './cached-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import { KeychainTimeoutError, type SecretStore } from './secret-store';

/** A keychain that counts its calls and can be made to hang until released. */
class SlowKeychain extends MemorySecretStore {
  calls = 0;
  hold: Promise<void> | null = null;
  private release: (() => void) | null = null;
  freeze() {
    this.hold = new Promise((r) => (this.release = r));
  }
  thaw() {
    this.release?.();
    this.hold = null;
  }
  private async gate() {
    this.calls += 1;
    if (this.hold) await this.hold;
  }
  override async describe() {
    await this.gate();
    return super.describe();
  }
  override async get(account: string) {
    await this.gate();
    return super.get(account);
  }
  override async set(account: string, value: string) {
    await this.gate();
    return super.set(account, value);
  }
}

afterEach(() => vi.useRealTimers());

describe('CachedSecretStore', () => {
  it('reads each secret from the keychain once per run and answers status from memory', async () => {
    const inner = new SlowKeychain();
    inner.values.set('a', 'secret-value-1');
    const store = new CachedSecretStore(inner);
    await store.describe();
    expect(await store.get('a')).toBe('secret-value-1');
    expect(await store.get('missing')).toBeNull();
    const calls = inner.calls;
    for (let i = 0; i < 5; i++) {
      await store.describe();
      await store.get('a');
      await store.get('missing');
    }
    expect(inner.calls).toBe(calls);
    await store.set('a', 'secret-value-2');
    expect(await store.get('a')).toBe('secret-value-2');
    expect(inner.calls).toBe(calls + 1);
  });

  it('says the keychain did not answer instead of reporting a stored secret as missing, and recovers', async () => {
    vi.useFakeTimers();
    const inner = new SlowKeychain();
    inner.values.set('a', 'secret-value-1');
    const store = new CachedSecretStore(inner, { timeoutMs: 5000 });
    inner.freeze();
    const read = store.get('a');
    const outcome = read.then(() => 'answered', (e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    const error = await outcome;
    expect(error).toBeInstanceOf(KeychainTimeoutError);
    expect((error as Error).message).toMatch(/^The keychain did not answer within 5 seconds/);
    // While the stuck call has not come back, nothing else queues behind it.
    await expect(store.get('b')).rejects.toBeInstanceOf(KeychainTimeoutError);
    expect(await store.describe()).toMatchObject({ available: false, message: expect.stringMatching(/did not answer/) });
    expect(inner.calls).toBe(1);
    inner.thaw();
    await vi.advanceTimersByTimeAsync(0);
    // The late answer is kept: no second keychain call for it.
    expect(await store.get('a')).toBe('secret-value-1');
    expect(inner.calls).toBe(1);
  });

  it('tells the scrubber about every secret it reads or stores', async () => {
    const seen: string[] = [];
    const inner: SecretStore = new MemorySecretStore();
    await inner.set('a', 'stored-before-this-run');
    const store = new CachedSecretStore(inner, { onSecret: (v) => seen.push(v) });
    await store.get('a');
    await store.set('b', 'typed-now-value');
    expect(seen).toEqual(expect.arrayContaining(['stored-before-this-run', 'typed-now-value']));
  });
});
