import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListsService } from './lists-service';
import { HtpClient } from './client';
import { startParts, type PartsHarness } from './test-harness';

let h: PartsHarness;
beforeEach(async () => {
  h = await startParts(5);
});
afterEach(() => h.close());

const listCalls = (what: string) => h.requests.filter((r) => r.path === `/inventory/available/${what}`).length;
const HOUR = 60 * 60_000;

describe('the pickers’ lists', () => {
  it('are asked for once per part type and kept, then asked again once a day old', async () => {
    const first = await h.parts.listMakes({ partType: 'Engine Assembly', refresh: false });
    expect(first.names).toContain('CUMMINS');
    await h.parts.listMakes({ partType: 'engine assembly', refresh: false });
    await h.parts.listModels({ partType: 'Engine Assembly', make: 'CUMMINS', refresh: false });
    await h.parts.listModels({ partType: 'Engine Assembly', make: 'Cummins', refresh: false });
    expect([listCalls('makes'), listCalls('models')]).toEqual([1, 1]);
    h.clock.t += 23 * HOUR;
    await h.parts.listMakes({ partType: 'Engine Assembly', refresh: false });
    expect(listCalls('makes')).toBe(1);
    h.clock.t += 2 * HOUR;
    const again = await h.parts.listMakes({ partType: 'Engine Assembly', refresh: false });
    expect(listCalls('makes')).toBe(2);
    expect(again.fetchedAt).toBe(h.clock.t);
  });

  it('show the older list, saying why, when the day-old list cannot be fetched again', async () => {
    await h.parts.listMakes({ partType: 'Engine Assembly', refresh: false });
    h.clock.t += 25 * HOUR;
    h.core.simHost.injectFault('heavytruckparts', { kind: 'unavailable', count: null, retryAfterSeconds: 0, delayMs: 0 });
    const shown = await h.parts.listMakes({ partType: 'Engine Assembly', refresh: false });
    h.core.simHost.clearFaults();
    expect(shown.names.length).toBeGreaterThan(0);
    expect(shown.problem).toMatch(/^Showing the lists from /);
  });

  it('keep a bounded number of lists, the oldest going first', async () => {
    const lists = new ListsService(h.core.db, new HtpClient({ http: h.core.http, connections: h.core.connections }), () => h.clock.t, { maxAgeMs: 24 * HOUR, maxLists: 4 });
    const types = ['Alternator', 'Engine Assembly', 'Transmission', 'Radiator', 'Starter', 'Axle'];
    for (const t of types) {
      h.clock.t += 1000;
      await lists.makes(t, false);
    }
    const kept = h.core.db.prepare("SELECT list_key FROM htp_lists WHERE list_key LIKE 'makes|%' ORDER BY fetched_at").pluck().all();
    expect(kept).toEqual(types.slice(2).map((t) => `makes|${t.toLowerCase()}`));
    const before = listCalls('makes');
    await lists.makes('Axle', false);
    await lists.makes('Alternator', false);
    expect(listCalls('makes')).toBe(before + 1);
  });
});
