import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { coreStoreMigrations } from '../app/features';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { openDatabase, type Db } from '../core/store/database';
import { SettingsRepo } from '../core/store/settings-repo';
import { allowanceStoreMigrations, StoreAllowance } from '../simpleconsign/store-allowance';
import { PASSWORD_ACCOUNT } from './link-config';
import { StoreServerService } from './store-server-service';
import { freePort, testFolder } from './testing/test-server';

/** One computer: its own data folder, core store and keychain, and the store server service over them. */
function computer(name: string) {
  const dir = testFolder(`store-service-${name}-`);
  const db: Db = openDatabase(path.join(dir, 'backoffice.db'), coreStoreMigrations);
  const secrets = new MemorySecretStore();
  const logs: string[] = [];
  const service = new StoreServerService({ settings: new SettingsRepo(db), secrets, dataDir: dir, version: 'test', features: allowanceStoreMigrations, now: Date.now, log: (m) => logs.push(m), heartbeatMs: 200 });
  return { dir, db, secrets, service, logs, async close() {
    await service.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  } };
}

let server: ReturnType<typeof computer>;
let register: ReturnType<typeof computer>;
let port: number;

beforeAll(async () => {
  server = computer('server');
  register = computer('register');
  port = await freePort();
  await server.service.setUpBundledServer({ storeName: 'Main Street', workstationName: 'Back office', listen: ['127.0.0.1'], port, tls: true });
}, 90_000);
afterAll(async () => {
  await register?.close();
  await server?.close();
});

describe('a store of two workstations', () => {
  it('sets up the bundled server and pairs the computer it runs on', async () => {
    const status = await server.service.status();
    expect(status).toMatchObject({ role: 'server', storeName: 'Main Street', workstation: { prefix: '01', name: 'Back office' }, canPair: true });
    expect(status.server).toMatchObject({ address: `127.0.0.1:${port}`, kind: 'bundled', tls: 'require' });
    await vi.waitFor(async () => expect((await server.service.status()).server?.state).toBe('connected'), { timeout: 10_000 });
  });

  it('joins a second workstation over TLS with the code the server shows', async () => {
    const { pairing } = await server.service.newPairingCode();
    expect(pairing?.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const joined = await register.service.join({ address: `127.0.0.1:${port}`, code: pairing!.code.toLowerCase(), workstationName: 'Register 2', tls: 'require' });
    expect(joined).toMatchObject({ role: 'workstation', storeName: 'Main Street', workstation: { prefix: '02' }, canPair: false });
    expect(register.secrets.values.get(PASSWORD_ACCOUNT)).toMatch(/^[A-Za-z0-9]{43}$/);
    await vi.waitFor(async () => {
      const s = await server.service.status();
      expect(s.workstations.map((w) => [w.name, w.prefix, w.thisOne, w.silent])).toEqual([
        ['Back office', '01', true, false],
        ['Register 2', '02', false, false],
      ]);
    }, { timeout: 10_000 });
  });

  it('keeps the SimpleConsign budget on the server, set from any workstation, for every workstation and both modes', async () => {
    await vi.waitFor(async () => expect((await register.service.status()).allowance).toEqual({ used: 0, budget: 80 }), { timeout: 10_000 });
    // Above what SimpleConsign allows, or too small to keep the sales' share: refused in plain words, nothing changed.
    await expect(register.service.setBudget({ budget: 101 })).rejects.toThrow('The budget is from 21 to 100 calls');
    await expect(register.service.setBudget({ budget: 20 })).rejects.toThrow('sales keep 20 of the budget');
    expect((await server.service.status()).allowance?.budget).toBe(80);

    expect((await register.service.setBudget({ budget: 25 })).allowance).toEqual({ used: 0, budget: 25 });
    expect((await server.service.status()).allowance).toEqual({ used: 0, budget: 25 });
    const kept = await server.service.linkFor('live').query<{ t: number; l: number }>('SELECT (SELECT budget FROM training.vendor_budget) AS t, (SELECT budget FROM live.vendor_budget) AS l');
    expect(kept).toEqual([{ t: 25, l: 25 }]);
    // The server computer's allowance keeps to it: of 25, the 4 above the sales' reserve of 20 are granted ahead
    // (for a time the server is away) at the first sale, then 21 sales calls, then a wait that names the budget.
    const allowance = new StoreAllowance(server.service.linkFor('live'), Date.now);
    const spends = [];
    for (let i = 0; i < 22; i++) spends.push(await allowance.take('sale', 'budget-test-key'));
    expect(spends.filter((s) => s.ok)).toHaveLength(21);
    expect(spends[21]).toMatchObject({ ok: false, message: expect.stringContaining('budget of 25 SimpleConsign calls') });
    await server.service.setBudget({ budget: 80 });
    expect((await register.service.status()).allowance).toEqual({ used: 21, budget: 80 });
  });

  it('lets other computers in only over TLS with SCRAM passwords, the administrator only from this one', () => {
    const rules = fs.readFileSync(path.join(server.dir, 'store-server', 'data', 'pg_hba.conf'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rules.every((l) => /\b(scram-sha-256|reject)$/.test(l))).toBe(true);
    expect(rules).toContain('hostnossl all all 0.0.0.0/0 reject');
    expect(rules).toContain('hostssl all all 0.0.0.0/0 scram-sha-256');
    expect(rules).toContain('host all backoffice_admin 0.0.0.0/0 reject');
  });

  it('says the server is away when it stops, and connected when it is back', async () => {
    await server.service.stop();
    await vi.waitFor(async () => expect((await register.service.status()).server?.state).toBe('away'), { timeout: 15_000 });
    expect((await register.service.status()).server?.message).toMatch(new RegExp(`does not answer: .*127\\.0\\.0\\.1:${port}`));
    server.service.start();
    await vi.waitFor(async () => expect((await register.service.status()).server?.state).toBe('connected'), { timeout: 30_000 });
  });

  it('leaves the store and works alone again, keeping which store its records belong to', async () => {
    const left = await register.service.leave();
    expect(left).toMatchObject({ role: 'alone', server: null, workstation: null });
    expect(register.secrets.values.has(PASSWORD_ACCOUNT)).toBe(false);
    await vi.waitFor(async () => expect((await server.service.status()).workstations.map((w) => w.name)).toEqual(['Back office']), { timeout: 10_000 });
    await expect(register.service.setBudget({ budget: 50 })).rejects.toThrow('A workstation on its own spends as SimpleConsign allows.');
  });
});
