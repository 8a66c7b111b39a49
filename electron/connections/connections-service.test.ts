import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { KeychainTimeoutError } from '../core/secrets/secret-store';
import { openDatabase, type Db } from '../core/store/database';
import { allMigrations } from '../app/features';
import { SettingsRepo } from '../core/store/settings-repo';
import { SimHost } from '../training/sim-host';
import { ConnectionsRepo } from './connections-repo';
import { ConnectionsService } from './connections-service';

let db: Db;
let dir: string;
const secrets = new MemorySecretStore();
const simHost = new SimHost();
let service: ConnectionsService;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connections-'));
  db = openDatabase(path.join(dir, 'app.db'), allMigrations);
  await simHost.start();
  service = new ConnectionsService({ repo: new ConnectionsRepo(db), settings: new SettingsRepo(db), secrets, simHost, now: () => 1000 });
});
afterAll(async () => {
  db.close();
  await simHost.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ConnectionsService', () => {
  it('starts in training mode, pointing every vendor at the simulators with training credentials', async () => {
    expect(service.mode()).toBe('training');
    const conn = await service.resolve('simpleconsign');
    expect(conn.training).toBe(true);
    expect(conn.settings.baseUrl).toBe(`${simHost.baseUrl}/simpleconsign`);
    expect(conn.secrets.apiKey).toMatch(/^training-/);
  });

  it('defaults endpoints from the vendor documents', async () => {
    const views = await service.list();
    const byId = Object.fromEntries(views.map((v) => [v.id, v.settings]));
    expect(byId.simpleconsign.baseUrl).toBe('https://user.traxia.com/app/api');
    expect(byId.ifpos.url).toBe('https://api.etraxsales.com/v1/ifpos');
    expect(byId['trax-retail'].host).toBe('https://services.traxretail.com');
    expect(byId.heavytruckparts.domain).toBe('https://api.heavytruckparts.net');
  });

  it('refuses plain http to a remote host and accepts it on loopback', async () => {
    await expect(service.update('ifpos', true, { url: 'http://api.etraxsales.com/v1/ifpos' })).rejects.toThrow(/Plain http:\/\/ is refused/);
    const view = await service.update('ifpos', true, { url: 'http://127.0.0.1:9/ifpos', showroomId: 'S1' });
    expect(view.settings).toMatchObject({ url: 'http://127.0.0.1:9/ifpos', showroomId: 'S1', keyInUrl: false });
  });

  it('keeps secrets in the secret store only and shows the last four characters', async () => {
    const view = await service.setSecret('ifpos', 'apiKey', 'ifpos-secret-key-ABCD');
    expect(view.secrets).toEqual([{ id: 'apiKey', label: 'IFPOS dealer API key', isSet: true, lastFour: 'ABCD', problem: null }]);
    expect(JSON.stringify(view)).not.toContain('ifpos-secret-key');
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f)).includes('ifpos-secret-key')).toBe(false);
    await expect(service.setSecret('ifpos', 'password', 'x')).rejects.toThrow(/has no credential called "password"/);
  });

  it('goes live only with an enabled, credentialed connection, then uses the keychain', async () => {
    await service.update('ifpos', false, {});
    await expect(service.setMode('live')).rejects.toThrow(/Enable at least one connection/);
    await service.update('ifpos', true, { url: 'https://api.etraxsales.com/v1/ifpos' });
    await service.setSecret('ifpos', 'apiKey', 'ifpos-secret-key-ABCD');
    await service.setMode('live');
    const conn = await service.resolve('ifpos');
    expect(conn).toMatchObject({ training: false, enabled: true, secrets: { apiKey: 'ifpos-secret-key-ABCD' } });
    expect(conn.settings.url).toBe('https://api.etraxsales.com/v1/ifpos');
    await service.setMode('training');
  });

  it('reports a connection without credentials before calling anyone', async () => {
    await service.setMode('training');
    const health = await service.test('trax-retail');
    expect(health).toMatchObject({ state: 'failing', message: 'Training mode has no stand-in for Trax Retail Product Import.' });
  });
});

describe('connection health across modes', () => {
  it('never shows a training result in live mode, and a working answer replaces a failure', () => {
    const settings = new SettingsRepo(db);
    service.recordHealth('ifpos', false, 'Simulator said no.');
    expect(service.health('ifpos')).toMatchObject({ state: 'failing', message: 'Simulator said no.' });
    settings.set('mode', 'live');
    expect(service.health('ifpos')).toMatchObject({ state: 'unknown', message: 'Not checked against the live service yet.' });
    service.recordHealth('ifpos', false, 'Live said no.');
    expect(service.health('ifpos')).toMatchObject({ state: 'failing', message: 'Live said no.' });
    service.recordHealth('ifpos', true, 'Delivered sale A1.');
    expect(service.health('ifpos')).toMatchObject({ state: 'ok', message: 'Delivered sale A1.' });
    settings.set('mode', 'training');
    expect(service.health('ifpos').state).toBe('unknown');
  });
});

describe('ConnectionsService credentials', () => {
  it('stores a credential exactly as typed and shows its last four only when it is 12 characters or longer', async () => {
    await service.update('simpleconsign', true, {});
    const short = await service.setSecret('simpleconsign', 'apiKey', ' short-key ');
    expect(secrets.values.get('simpleconsign:apiKey')).toBe(' short-key ');
    expect(short.secrets[0]).toMatchObject({ isSet: true, lastFour: null });
    const long = await service.setSecret('simpleconsign', 'apiKey', 'a-long-enough-key-WXYZ');
    expect(long.secrets[0]).toMatchObject({ isSet: true, lastFour: 'WXYZ' });
  });

  it('removes a stored credential when the connection’s host changes, and says so', async () => {
    await service.update('simpleconsign', true, { baseUrl: 'https://user.traxia.com/app/api' });
    await service.setSecret('simpleconsign', 'apiKey', 'bound-to-traxia-key');
    const samePlace = await service.update('simpleconsign', true, { baseUrl: 'https://user.traxia.com/app/api/' });
    expect(samePlace).toMatchObject({ notice: null, secrets: [{ isSet: true }] });
    const moved = await service.update('simpleconsign', true, { baseUrl: 'https://attacker.example/api' });
    expect(moved.notice).toMatch(/address changed from https:\/\/user\.traxia\.com to https:\/\/attacker\.example, so the stored .*API key was removed/);
    expect(moved.secrets[0]).toMatchObject({ isSet: false });
    expect(secrets.values.has('simpleconsign:apiKey')).toBe(false);
  });

  it('never sends a credential to another host than the one it was entered for', async () => {
    await service.update('ifpos', true, { url: 'https://api.etraxsales.com/v1/ifpos' });
    await service.setSecret('ifpos', 'apiKey', 'ifpos-bound-key-1234');
    // Settings changed behind the service's back (an older version, an edited file): the key stays home.
    new ConnectionsRepo(db).save('ifpos', true, { url: 'https://attacker.example/ifpos' });
    await service.setMode('live');
    expect((await service.resolve('ifpos')).secrets).toEqual({});
    await service.setMode('training');
  });

  it('says the keychain did not answer rather than showing a stored secret as not set', async () => {
    const stuck = new ConnectionsService({
      repo: new ConnectionsRepo(db),
      settings: new SettingsRepo(db),
      secrets: { ...secrets, describe: () => secrets.describe(), set: () => Promise.resolve(), delete: () => Promise.resolve(), get: () => Promise.reject(new KeychainTimeoutError('Secret Service', 8)) },
      simHost,
      now: () => 1000,
    });
    const view = await stuck.view('ifpos');
    expect(view.secrets[0]).toMatchObject({ isSet: null, problem: expect.stringMatching(/^The keychain did not answer/) });
  });
});
