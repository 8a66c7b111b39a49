import { describe, expect, it } from 'vitest';
import { aloneLink, StoreAwayError, type StoreLink } from '../core/store-link';
import { AWAY_SHARE, StoreAllowance, windowWords } from './store-allowance';

/** A paired workstation whose server answers or not as the test says; it counts over a 30-second window. */
function link() {
  const state = { up: false, asked: 0 };
  const store: StoreLink = {
    ...aloneLink,
    paired: true,
    workstation: () => ({ id: 3, name: 'Parts desk', prefix: '03' }),
    reachable: () => state.up,
    query: async <R>() => {
      state.asked++;
      if (!state.up) throw new StoreAwayError('The store server does not answer.');
      return [{ ok: true, budget: 80, wait_ms: '0', window_seconds: 30 }] as R[];
    },
  };
  return { store, state };
}

describe('the share a workstation keeps while its store server is away', () => {
  it('is counted over the window last heard from the server, and holds sales only while the server is away', async () => {
    let now = 1_000_000;
    const { store, state } = link();
    const allowance = new StoreAllowance(store, () => now);
    state.up = true;
    expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
    state.up = false;
    for (let i = 0; i < AWAY_SHARE; i++) expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
    const refused = await allowance.take('sale', 'key');
    expect(refused).toMatchObject({ ok: false, away: true, waitMs: 30_000 });
    expect(!refused.ok && refused.message).toBe(`Not sent yet: the store server does not answer, and meanwhile this workstation keeps to ${AWAY_SHARE} SimpleConsign calls in 30 seconds. It goes on its own in 30 s.`);
    expect(allowance.awayHold()).toMatchObject({ until: now + 30_000, reason: refused.ok ? '' : refused.message });
    // The server answers again: calls are counted there, and nothing holds this workstation back.
    state.up = true;
    expect(allowance.awayHold()).toBeNull();
    expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
    // Away once more, after the window has passed: the share is whole again.
    state.up = false;
    now += 30_000;
    expect(allowance.awayHold()).toBeNull();
    expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
  });

  it('asks nothing and holds nothing on a workstation that is not in a store', async () => {
    const allowance = new StoreAllowance(aloneLink, () => 0);
    expect(await allowance.take('inventory', 'key')).toEqual({ ok: true });
    expect(allowance.awayHold()).toBeNull();
  });
});

describe('windowWords', () => {
  it('says the window as a person reads it', () => {
    expect(windowWords(600_000)).toBe('10 minutes');
    expect(windowWords(60_000)).toBe('a minute');
    expect(windowWords(10_000)).toBe('10 seconds');
    expect(windowWords(90_000)).toBe('90 seconds');
  });
});
