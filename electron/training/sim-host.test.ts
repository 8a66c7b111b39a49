import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faultSchema } from '../../shared/contract/training';
import { AppError } from '../core/app-error';
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
    requestKind: (req) => req.path.split('/')[1] ?? '',
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

  it('counts requests by what they asked for, faults included, until reset', async () => {
    await post('/counter/pictures/1');
    await post('/counter/pictures/2');
    host.injectFault('counter', fault({ kind: 'server-error', count: 1 }));
    await post('/counter/search');
    expect(host.status().simulators.find((s) => s.id === 'counter')).toMatchObject({ requestCount: 3, requestsByKind: { pictures: 2, search: 1 } });
    host.reset('counter');
    expect(host.status().simulators.find((s) => s.id === 'counter')!.requestsByKind).toEqual({});
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

/** Opens `n` idle connections; `closed()` counts those the server has closed. */
async function idleConnections(port: number, n: number): Promise<{ closed: () => number; destroy: () => void }> {
  const sockets = await Promise.all(
    Array.from({ length: n }, () => new Promise<net.Socket>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(s));
      s.on('error', () => {});
    })),
  );
  let closed = 0;
  for (const s of sockets) s.once('close', () => (closed += 1));
  return { closed: () => closed, destroy: () => sockets.forEach((s) => s.destroy()) };
}

describe('SimHost hardening', () => {
  it('answers only paths carrying the run’s token', async () => {
    const { port, pathname } = new URL(base);
    expect(pathname).toMatch(/^\/[\w-]{20,}$/);
    const bare = await fetch(`http://127.0.0.1:${port}/counter`, { method: 'POST', body: '{}' });
    expect(bare.status).toBe(404);
    const wrong = await fetch(`http://127.0.0.1:${port}/${'x'.repeat(pathname.length - 1)}/counter`, { method: 'POST', body: '{}' });
    expect(wrong.status).toBe(404);
    expect(sim.applied).toBe(0);
    expect((await post('/counter')).status).toBe(200);
  });

  it('closes connections beyond its cap instead of holding descriptors', async () => {
    const small = new SimHost([counter()], { maxConnections: 5 });
    const port = Number(new URL(await small.start()).port);
    const flood = await idleConnections(port, 12);
    try {
      await expect.poll(flood.closed).toBe(7);
    } finally {
      flood.destroy();
      await small.stop();
    }
  });

  it('refuses a body above its limit with 413 without reaching the simulator', async () => {
    const c = counter();
    const small = new SimHost([c], { maxBodyBytes: 1024 });
    const url = await small.start();
    try {
      const res = await fetch(`${url}/counter`, { method: 'POST', body: 'x'.repeat(4096) });
      expect(res.status).toBe(413);
      const streamed = await fetch(`${url}/counter`, {
        method: 'POST',
        body: new ReadableStream({ start(ctl) { for (let i = 0; i < 8; i++) ctl.enqueue(new Uint8Array(512)); ctl.close(); } }),
        duplex: 'half',
      } as RequestInit).then((r) => r.status, () => 'dropped');
      expect([413, 'dropped']).toContain(streamed);
      expect(c.applied).toBe(0);
      expect((await fetch(`${url}/counter`, { method: 'POST', body: '{}' })).status).toBe(200);
    } finally {
      await small.stop();
    }
  });

  it('survives a request cut short mid-body, with no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    let reported!: (m: string) => void;
    const logged = new Promise<string>((r) => (reported = r));
    const c = counter();
    const h = new SimHost([c], { log: (m) => reported(m) });
    const url = new URL(await h.start());
    try {
      const socket = net.connect(Number(url.port), '127.0.0.1');
      socket.on('error', () => {});
      // Headers and part of the body, then the end of the stream: the body is cut short.
      socket.end(`POST ${url.pathname}/counter HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`);
      expect(await logged).toMatch(/a request failed/);
      expect((await fetch(`${url.href}/counter`, { method: 'POST', body: '{}' })).status).toBe(200);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await h.stop();
    }
  });

  it('treats an unknown simulator id as invalid input', () => {
    const err = (() => {
      try {
        host.injectFault('no-such-sim', fault({ kind: 'drop' }));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid-input');
  });
});
