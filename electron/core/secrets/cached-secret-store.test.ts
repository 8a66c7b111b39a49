import { afterEach, describe, expect, it, vi } from 'vitest';
import { CachedSecretStore } from './cached-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import { KeychainBusyError, KeychainTimeoutError, KeychainUnavailableError, type SecretStore } from './secret-store';

/** A keychain that counts its calls, can be made to hang until released, to answer one call at a time when told, or to be gone. */
class SlowKeychain extends MemorySecretStore {
  calls = 0;
  idles = 0;
  abandons = 0;
  hold: Promise<void> | null = null;
  /** Each call waits until `answerNext` (the test moves its clock by the call's time first). */
  stepwise = false;
  gone = false;
  private readonly waiting: (() => void)[] = [];
  private release: (() => void) | null = null;
  freeze() {
    this.hold = new Promise((r) => (this.release = r));
  }
  thaw() {
    this.release?.();
    this.hold = null;
  }
  answerNext() {
    this.waiting.shift()?.();
  }
  private async gate() {
    this.calls += 1;
    if (this.hold) await this.hold;
    if (this.stepwise) await new Promise<void>((r) => this.waiting.push(r));
    if (this.gone) throw new KeychainUnavailableError('Secret Service', 'the session bus went away', 'read');
  }
  override async describe() {
    await this.gate().catch(() => undefined);
    return this.gone ? { available: false, backend: 'Secret Service', message: 'The keychain is not available: gone.' } : super.describe();
  }
  override async get(account: string) {
    await this.gate();
    return super.get(account);
  }
  override async set(account: string, value: string) {
    await this.gate();
    return super.set(account, value);
  }
  idle() {
    this.idles += 1;
  }
  abandon() {
    this.abandons += 1;
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

  it('shares one keychain read among every caller that asks for a secret before it is known', async () => {
    const inner = new SlowKeychain();
    inner.values.set('a', 'secret-value-1');
    const store = new CachedSecretStore(inner);
    inner.freeze();
    const reads = Array.from({ length: 800 }, (_, i) => store.get(i % 2 ? 'a' : 'b'));
    inner.thaw();
    const values = await Promise.all(reads);
    expect(inner.calls).toBe(2);
    expect(values.filter((v) => v === 'secret-value-1')).toHaveLength(400);
    expect(values.filter((v) => v === null)).toHaveLength(400);
  });

  it('refuses writes beyond the few allowed to wait, at once, and makes the others', async () => {
    const inner = new SlowKeychain();
    const store = new CachedSecretStore(inner, { maxWaitingWrites: 4 });
    inner.freeze();
    const writes = Array.from({ length: 20 }, (_, i) => store.set('a', `value-${i}-long`).then(() => 'saved', (e: unknown) => e));
    // The first runs, four wait, fifteen are refused without reaching the keychain.
    const refused = await Promise.all(writes.slice(5));
    expect(refused.every((e) => e instanceof KeychainBusyError)).toBe(true);
    expect((refused[0] as Error).message).toMatch(/busy with 4 other calls/);
    inner.thaw();
    expect(await Promise.all(writes.slice(0, 5))).toEqual(Array(5).fill('saved'));
    expect(inner.calls).toBe(5);
    expect(await store.get('a')).toBe('value-4-long');
  });

  it('counts the deadline from when a call starts, not while it waits its turn', async () => {
    vi.useFakeTimers();
    const inner = new SlowKeychain();
    inner.stepwise = true;
    const store = new CachedSecretStore(inner, { timeoutMs: 5000 });
    const writes = ['x', 'y', 'z'].map((v) => store.set(v, `value-${v}-long`).then(() => 'saved', (e: unknown) => e));
    // Each call takes the keychain 3 s: the third starts 6 s after it was asked for, and ends at 9 s.
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(3000);
      inner.answerNext();
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(await Promise.all(writes)).toEqual(['saved', 'saved', 'saved']);
  });

  it('says the keychain did not answer instead of reporting a stored secret as missing, and recovers', async () => {
    vi.useFakeTimers();
    const inner = new SlowKeychain();
    inner.values.set('a', 'secret-value-1');
    const store = new CachedSecretStore(inner, { timeoutMs: 5000 });
    inner.freeze();
    const read = store.get('a');
    const waiting = store.set('c', 'waiting-value').then(() => 'saved', (e: unknown) => e);
    const outcome = read.then(() => 'answered', (e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    const error = await outcome;
    expect(error).toBeInstanceOf(KeychainTimeoutError);
    expect((error as Error).message).toMatch(/^The keychain did not answer within 5 seconds/);
    // The stuck call is given up on, and what waited behind it is answered at once.
    expect(inner.abandons).toBe(1);
    expect(await waiting).toBeInstanceOf(KeychainTimeoutError);
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

  it('tells the keychain when nothing waits any more, so it can close its connections', async () => {
    const inner = new SlowKeychain();
    const store = new CachedSecretStore(inner);
    inner.freeze();
    const writes = [store.set('a', 'value-a-long'), store.set('b', 'value-b-long'), store.get('c')];
    inner.thaw();
    await Promise.all(writes);
    expect(inner.idles).toBe(1);
  });

  it('notices a keychain that went away, says so, and does not keep asking it', async () => {
    let now = 1_000_000;
    const inner = new SlowKeychain();
    inner.values.set('a', 'secret-value-1');
    const store = new CachedSecretStore(inner, { now: () => now, recheckMs: 15_000 });
    expect(await store.get('a')).toBe('secret-value-1');
    expect((await store.describe()).available).toBe(true);

    inner.gone = true;
    now += 15_000;
    // The status answers at once and checks again in the background.
    expect((await store.describe()).available).toBe(true);
    await vi.waitFor(async () => expect((await store.describe()).available).toBe(false));
    expect((await store.describe()).message).toMatch(/not available/);
    // What is known stays usable; what is not is refused from memory until the pause has passed.
    expect(await store.get('a')).toBe('secret-value-1');
    const calls = inner.calls;
    for (let i = 0; i < 50; i++) await expect(store.get('b')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await store.describe();
    expect(inner.calls).toBe(calls);

    inner.gone = false;
    now += 5_000;
    expect(await store.get('b')).toBeNull();
    await vi.waitFor(async () => expect((await store.describe()).available).toBe(true));
  });

  it('tells the scrubber about every secret it reads or stores, with the credential it belongs to', async () => {
    const seen: [string, string][] = [];
    const inner: SecretStore = new MemorySecretStore();
    await inner.set('a', 'stored-before-this-run');
    const store = new CachedSecretStore(inner, { onSecret: (account, v) => seen.push([account, v]) });
    await store.get('a');
    await store.set('b', 'typed-now-value');
    expect(seen).toEqual(expect.arrayContaining([['a', 'stored-before-this-run'], ['b', 'typed-now-value']]));
  });
});
