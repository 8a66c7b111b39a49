import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { setUpStore, type Membership } from './store-setup';
import { startTestServer, type TestServer } from './testing/test-server';
import { TestWorkstation } from './testing/store-workstation';

let pg: TestServer;
let member: Membership;
let ws: TestWorkstation;

beforeAll(async () => {
  pg = await startTestServer();
  member = await setUpStore(pg.endpoint, pg.admin, { storeName: 'Main Street', workstationName: 'Counter 1', features: [] });
  ws = new TestWorkstation({ endpoint: pg.endpoint, membership: member, simUrl: 'http://127.0.0.1:9/simpleconsign', key: 'unused' });
  ws.server.start();
  await vi.waitFor(() => expect(ws.server.state).toBe('connected'), { timeout: 20_000 });
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await pg?.stop();
}, 60_000);

it('lives through the server dropping a connection it has lent to a transaction, and answers again afterwards', async () => {
  const failed = ws.link.transaction(async (q) => {
    await q.query('SELECT 1');
    // The server ends this workstation's sessions (as a restart or a cut line does) while the transaction holds one.
    await pg.sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [member.workstation.roleName]);
    await vi.waitFor(async () => expect(await pg.sql('SELECT pid FROM pg_stat_activity WHERE usename = $1', [member.workstation.roleName])).toEqual([]));
    return q.query('SELECT 1');
  });
  await expect(failed).rejects.toBeInstanceOf(Error);
  // Nothing was thrown at the process (vitest fails the file on an unhandled error); the link answers again.
  await vi.waitFor(async () => expect(await ws.link.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]), { timeout: 20_000 });
});
