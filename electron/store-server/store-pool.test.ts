import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientConfig, isUnreachable, storePool } from './server-connection';
import { startTestServer, type TestServer } from './testing/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a pool of connections to the store server', () => {
  it('lets a statement wait for a connection the pool has lent out, however long, rather than call the server away', async () => {
    const pool = await storePool({ ...clientConfig(server.endpoint, server.admin), connectionTimeoutMillis: 1_000 }, 1);
    const lent = await pool.connect();
    let released = false;
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let outcome: unknown = 'waiting';
      const waiting = pool.query<{ one: number }>('SELECT 1 AS one').then((r) => (outcome = r.rows[0].one), (e: unknown) => (outcome = e));
      // Five times the connection time limit: the statement is still waiting for the lent connection.
      await vi.advanceTimersByTimeAsync(5_000);
      expect(outcome).toBe('waiting');
      vi.useRealTimers();
      lent.release();
      released = true;
      await waiting;
      expect(outcome).toBe(1);
    } finally {
      if (!released) lent.release();
      await pool.end();
    }
  });

  it('still gives up on making a connection to something that never answers, as a server out of reach', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const pool = await storePool({ ...clientConfig({ ...server.endpoint, port }, server.admin), connectionTimeoutMillis: 1_000 }, 1);
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const failed = pool.query('SELECT 1').then(() => null, (e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1_500);
      vi.useRealTimers();
      const error = await failed;
      expect(error).toBeInstanceOf(Error);
      expect(isUnreachable(error)).toBe(true);
    } finally {
      await pool.end();
      silent.close();
    }
  });
});
