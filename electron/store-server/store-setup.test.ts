import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePairingCode } from '../../shared/store/rules';
import { connectClient } from './server-connection';
import { createPairing, joinStore, setUpStore, type Membership } from './store-setup';
import { freePort, startTestServer, type TestServer } from './testing/test-server';

let pg: TestServer;
let first: Membership;
const features = [{ version: 10, name: 'a feature table', sql: ({ schema, workstations }: { schema: string; workstations: string }) => `CREATE TABLE ${schema}.things (id int); GRANT SELECT ON ${schema}.things TO ${workstations};` }];
let seq = 0;
const code = () => generatePairingCode((n) => (seq++ * 7 + 3) % n);

beforeAll(async () => {
  pg = await startTestServer();
  first = await setUpStore(pg.endpoint, pg.admin, { storeName: 'Main Street', workstationName: 'Back office', features });
}, 60_000);
afterAll(() => pg?.stop());

describe('setting a store up', () => {
  it('makes the store and pairs the first workstation with prefix 01 and its own role', async () => {
    expect(first.workstation).toMatchObject({ name: 'Back office', prefix: '01' });
    const c = await connectClient(pg.endpoint, { user: first.workstation.roleName, password: first.password });
    const beat = await c.query('SELECT store_id FROM store.heartbeat($1)', ['test']);
    expect(beat.rows[0].store_id).toBe(first.storeId);
    // Each mode's schema has the feature's table.
    expect((await c.query('SELECT count(*)::int AS n FROM training.things')).rows[0].n).toBe(0);
    expect((await c.query('SELECT count(*)::int AS n FROM live.things')).rows[0].n).toBe(0);
    // A workstation cannot add workstations itself.
    await expect(c.query('SELECT * FROM store.add_workstation($1, $2)', ['x', 'y'])).rejects.toThrow(/permission denied/);
    await c.end();
  });

  it('keeps only a SCRAM secret of the workstation’s password on the server', async () => {
    const rows = await pg.sql<{ rolpassword: string }>('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [first.workstation.roleName]);
    expect(rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(rows[0].rolpassword).not.toContain(first.password);
  });

  it('refuses to set up a second store on the same database, writing nothing', async () => {
    const before = await pg.sql('SELECT count(*)::int AS n FROM store.workstations');
    await expect(setUpStore(pg.endpoint, pg.admin, { storeName: 'Other', workstationName: 'X', features })).rejects.toThrow(/already holds the store “Main Street”/);
    expect(await pg.sql('SELECT count(*)::int AS n FROM store.workstations')).toEqual(before);
  });

  it('says so in plain words when the administrator’s password is wrong', async () => {
    await expect(setUpStore(pg.endpoint, { ...pg.admin, password: 'wrong' }, { storeName: 'X', workstationName: 'X', features })).rejects.toThrow(/did not accept the administrator’s user name and password/);
  });

  it('names the address when nothing answers there', async () => {
    const port = await freePort();
    await expect(setUpStore({ ...pg.endpoint, port }, pg.admin, { storeName: 'X', workstationName: 'X', features })).rejects.toThrow(new RegExp(`Nothing answers at 127.0.0.1:${port}`));
  });
});

describe('joining with a pairing code', () => {
  it('gives the next workstation its own prefix; the code works once', async () => {
    const c = code();
    await createPairing(pg.endpoint, pg.admin, c);
    const second = await joinStore(pg.endpoint, c, { workstationName: 'Register 2', features, formerStoreId: null });
    expect(second).toMatchObject({ storeId: first.storeId, storeName: 'Main Street', workstation: { prefix: '02', name: 'Register 2' } });
    await expect(joinStore(pg.endpoint, c, { workstationName: 'Again', features, formerStoreId: null })).rejects.toThrow(/did not accept the pairing code/);
  });

  it('refuses a wrong code in plain words', async () => {
    await expect(joinStore(pg.endpoint, 'AAAA-BBBB-CCCC', { workstationName: 'X', features, formerStoreId: null })).rejects.toThrow(/mistyped, already used or more than 15 minutes old/);
  });

  it('refuses a server a newer version updated, writing nothing', async () => {
    const c = code();
    await createPairing(pg.endpoint, pg.admin, c);
    await pg.sql(`INSERT INTO store.schema_migrations (version, name) VALUES (99, 'from a newer version')`);
    const before = await pg.sql('SELECT count(*)::int AS n FROM store.workstations');
    await expect(joinStore(pg.endpoint, c, { workstationName: 'X', features, formerStoreId: null })).rejects.toThrow(/newer version of Parts Back Office.*version 99; this version knows up to 10/);
    expect(await pg.sql('SELECT count(*)::int AS n FROM store.workstations')).toEqual(before);
    await pg.sql('DELETE FROM store.schema_migrations WHERE version = 99');
  });

  it('refuses another store than the one this workstation’s records belong to', async () => {
    const c = code();
    await createPairing(pg.endpoint, pg.admin, c);
    await expect(joinStore(pg.endpoint, c, { workstationName: 'X', features, formerStoreId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/records belong to another store/);
  });
});
