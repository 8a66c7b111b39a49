import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faultSchema } from '../../shared/contract/training';
import { SimHost } from './sim-host';
import { json, type Simulator } from './simulator';

/** A simulator that counts what it applied, so tests can tell "dropped before" from "dropped after". */
function counter(): Simulator & { applied: number } {
  return {
    id: 'counter',
    name: 'Counter',
    prefix: '/counter',
    applied: 0,
    handle(req) {
      this.applied += 1;
      return json(200, { applied: this.applied, path: req.path, got: req.json ?? null });
    },
    reset() {
      this.applied = 0;
    },
  };
}

const sim = counter();
const nested: Simulator = { id: 'nested', name: 'Nested', prefix: '/counter/deeper', handle: () => json(200, { nested: true }), reset() {} };
const host = new SimHost([sim, nested]);
let base = '';
beforeAll(async () => {
  base = await host.start();
});
afterAll(() => host.stop());
beforeEach(() => host.reset());

const post = (path: string, body: unknown = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const fault = (f: Record<string, unknown>) => faultSchema.parse(f);

describe('SimHost', () => {
  it('routes by the longest prefix and passes the parsed body', async () => {
    expect(await (await post('/counter/x', { a: 1 })).json()).toEqual({ applied: 1, path: '/x', got: { a: 1 } });
    expect(await (await post('/counter/deeper/y')).json()).toEqual({ nested: true });
    expect((await post('/nothing')).status).toBe(404);
  });

  it('answers 429 with Retry-After for the given number of requests, then recovers', async () => {
    host.injectFault('counter', fault({ kind: 'rate-limit', count: 2, retryAfterSeconds: 7 }));
    const first = await post('/counter');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await post('/counter')).status).toBe(429);
    expect((await post('/counter')).status).toBe(200);
    expect(sim.applied).toBe(1);
  });

  it('serves 500, 503, HTML and broken JSON without reaching the simulator', async () => {
    host.injectFault('counter', fault({ kind: 'server-error', count: 1 }));
    host.injectFault('counter', fault({ kind: 'unavailable', count: 1 }));
    host.injectFault('counter', fault({ kind: 'html', count: 1 }));
    host.injectFault('counter', fault({ kind: 'malformed', count: 1 }));
    expect((await post('/counter')).status).toBe(500);
    expect((await post('/counter')).status).toBe(503);
    expect(await (await post('/counter')).text()).toMatch(/<html>/);
    expect(await (await post('/counter')).text()).toBe('{"success": tru');
    expect(sim.applied).toBe(0);
  });

  it('drops the connection before or after the simulator acted', async () => {
    host.injectFault('counter', fault({ kind: 'drop', count: 1 }));
    await expect(post('/counter')).rejects.toThrow();
    expect(sim.applied).toBe(0);
    host.injectFault('counter', fault({ kind: 'drop-after-apply', count: 1 }));
    await expect(post('/counter')).rejects.toThrow();
    expect(sim.applied).toBe(1);
  });

  it('holds a request open for a time-out until the client gives up', async () => {
    host.injectFault('counter', fault({ kind: 'timeout', count: 1 }));
    await expect(fetch(`${base}/counter`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(sim.applied).toBe(0);
  });

  it('reports request counts and faults, and clears them', async () => {
    host.injectFault('counter', fault({ kind: 'slow', count: null, delayMs: 10 }));
    await post('/counter');
    const status = host.status().simulators.find((s) => s.id === 'counter')!;
    expect(status.requestCount).toBe(1);
    expect(status.faults).toHaveLength(1);
    host.clearFaults();
    expect(host.status().simulators.every((s) => s.faults.length === 0)).toBe(true);
  });
});
