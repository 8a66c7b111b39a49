import { describe, expect, it } from 'vitest';
import { aloneLink, StoreAwayError, type StoreLink } from '../core/store-link';
import { AWAY_RECHECK_MS, AWAY_SHARE, StoreAllowance, windowWords } from './store-allowance';

/** A paired workstation whose server answers or not as the test says; it counts over a 30-second window. */
function link() {
  const state = { up: false, grants: [] as number[], canGrant: AWAY_SHARE };
  const store: StoreLink = {
    ...aloneLink,
    paired: true,
    workstation: () => ({ id: 3, name: 'Parts desk', prefix: '03' }),
    reachable: () => state.up,
    query: async <R>(sql: string, params?: unknown[]) => {
      if (!state.up) throw new StoreAwayError('The store server does not answer.');
      if (sql.includes('grant_away_calls')) {
        state.grants.push(Number(params?.[4]));
        return [{ granted: state.canGrant }] as R[];
      }
      return [{ ok: true, budget: 80, wait_ms: '0', window_seconds: 30 }] as R[];
    },
  };
  return { store, state };
}

describe('the calls a workstation is granted ahead, for a time its store server is away', () => {
  it('sends sales only with calls granted while the server answered, for one window, and waits for the server after them', async () => {
    let now = 1_000_000;
    const { store, state } = link();
    const allowance = new StoreAllowance(store, () => now);
    state.up = true;
    expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
    // One sale's call asked for the calls ahead, letting go of none.
    expect(state.grants).toEqual([0]);
    state.up = false;
    expect(allowance.awayHold()).toBeNull();
    for (let i = 0; i < AWAY_SHARE; i++) expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
    const refused = await allowance.take('sale', 'key');
    expect(refused).toMatchObject({ ok: false, away: true, waitMs: AWAY_RECHECK_MS });
    expect(!refused.ok && refused.message).toBe(
      `Not sent yet: the store server does not answer, and this workstation has made the SimpleConsign calls the server set aside for such a time (up to ${AWAY_SHARE} in 30 seconds). It goes on as soon as the server answers.`,
    );
    expect(allowance.awayHold()).toMatchObject({ until: now + AWAY_RECHECK_MS, reason: refused.ok ? '' : refused.message });
    // Inventory loads never use them: they wait for the server.
    expect(await allowance.take('inventory', 'key')).toMatchObject({ ok: false, away: true, message: expect.stringMatching(/^The inventory load waits: the store server does not answer/) });

    // The server answers again: nothing holds this workstation back, and its next sale asks for calls ahead again.
    state.up = true;
    expect(allowance.awayHold()).toBeNull();
    now += 3_000;
    expect(await allowance.take('sale', 'key')).toEqual({ ok: true });
    expect(state.grants).toEqual([0, 0]);
  });

  it('lets calls granted ahead go unused once their window has passed, and gives back the unused ones when it asks again', async () => {
    let now = 0;
    const { store, state } = link();
    const allowance = new StoreAllowance(store, () => now);
    state.up = true;
    await allowance.take('sale', 'key');
    now += 30_000;
    state.up = false;
    expect(await allowance.take('sale', 'key')).toMatchObject({ ok: false, away: true });
    state.up = true;
    await allowance.take('sale', 'key');
    expect(state.grants).toEqual([0, AWAY_SHARE]);
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
