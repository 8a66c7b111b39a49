import { closedPort } from '../testing/closed-port';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledIfposSchema } from '../../shared/ifpos/bundled-schema';
import { seededRandom } from '../../shared/seeded-random';
import type { DeliveryLine, TransactionToDeliver } from '../sales/destination';
import { makeTestCore, type TestCore } from '../simpleconsign/transactions-test-core';
import { postUrl } from './ifpos-client';
import { createIfposDestination } from './ifpos-destination';
import { IfposSim } from './ifpos-sim';
import { ifposTester } from './ifpos-tester';
import { IfposSchemaStore } from './schema-store';

const at = Date.UTC(2026, 4, 1, 15);
const line = (sku: string, unitPriceCents: number, quantity = 1): DeliveryLine => ({ sku, name: `Item ${sku}`, unitPriceCents, quantity, taxable: true });
const saleLines = [line('SOFA-9', 129900), line('PILLOW', 1234, 2)];

function saleTx(over: Partial<TransactionToDeliver> = {}): TransactionToDeliver {
  return {
    transactionId: 1,
    kind: 'SALE',
    orderNumber: 'S-1001',
    recordedAt: at,
    lines: saleLines,
    taxCents: 10_000,
    sale: { orderNumber: 'S-1001', recordedAt: at, lines: saleLines, taxCents: 10_000, returns: [] },
    attempt: 1,
    previousAttemptUncertain: false,
    ...over,
  };
}
function returnTx(listed: boolean): TransactionToDeliver {
  const ret = { transactionId: 2, recordedAt: at + 86_400_000, lines: [line('PILLOW', 1234, 1)], taxCents: 100 };
  return saleTx({ transactionId: 2, kind: 'RETURN', recordedAt: ret.recordedAt, lines: ret.lines, taxCents: 100, sale: { ...saleTx().sale, returns: listed ? [ret] : [] } });
}

let core: TestCore;
let sim: IfposSim;
const cdn = { schema: { ...bundledIfposSchema, title: 'IFPOSv1 official' } as unknown, fail: false, calls: 0 };
const fetchWithCdn: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.startsWith('https://cdn.etraxsales.com/')) return fetch(input, init);
  cdn.calls += 1;
  if (cdn.fail) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
  return new Response(JSON.stringify(cdn.schema), { status: 200, headers: { 'Content-Type': 'application/json' } });
};
let now = at;

beforeEach(async () => {
  Object.assign(cdn, { fail: false, calls: 0 });
  sim = new IfposSim({ firstCallDelayMs: 0 });
  sim.acceptKey('live-dealer-key', { showroomIds: ['NORTH'], employeeIds: ['E-7'] });
  core = await makeTestCore([sim], { fetch: fetchWithCdn, now: () => now });
});
afterEach(() => core.close());


async function goLive(settings: Record<string, string | boolean> = {}) {
  await core.connections.update('ifpos', true, { url: core.simHost.url('/ifpos'), showroomId: 'NORTH', employeeId: 'E-7', ...settings });
  await core.connections.setSecret('ifpos', 'apiKey', 'live-dealer-key');
  await core.connections.setMode('live');
}

describe('IFPOS destination', () => {
  it('never lets the key out when an error page echoes a key-in-URL request path', async () => {
    const key = 'k3y/with+chars=ABCDEFGH';
    const echo = { id: 'echo', name: 'Echo', prefix: '/echo', reset() {}, handle: (req: { method: string; path: string }) => ({ status: 404, headers: { 'Content-Type': 'text/html' }, body: `<pre>Cannot ${req.method} /echo${req.path}</pre>` }) };
    core.simHost.register(echo);
    await core.connections.update('ifpos', true, { url: `${core.simHost.url('/echo')}/{apiKey}`, keyInUrl: true, showroomId: 'NORTH', employeeId: 'E-7' });
    await core.connections.setSecret('ifpos', 'apiKey', key);
    await core.connections.setMode('live');
    const outcome = await createIfposDestination(core).deliver(saleTx());
    const text = JSON.stringify(outcome);
    expect(text).toMatch(/Cannot POST \/echo\/\[hidden\]/);
    expect(text).not.toContain(encodeURIComponent(key));
    expect(text).not.toContain('ABCDEFGH');
  });

  it('sends a new sale, then the modified sale with the return as credits, replacing the record', async () => {
    const dest = createIfposDestination(core);
    expect(await dest.isEnabled()).toBe(true);
    const first = await dest.deliver(saleTx());
    expect(first).toMatchObject({ kind: 'delivered', summary: expect.stringMatching(/^AffectedRecords 1 \(new sale\) · ExecMS \d+$/) });
    const second = await dest.deliver(returnTx(true));
    expect(second).toMatchObject({ kind: 'delivered', summary: expect.stringMatching(/^AffectedRecords 2 \(replaced earlier record\) · ExecMS \d+$/) });
    const [record] = sim.records();
    expect(record).toMatchObject({ saleId: 'S-1001', versions: 2 });
    // Tax is never part of the amount: 1299.00 + 2 × 12.34 − 12.34.
    expect(record.payload).toMatchObject({ SaleAmount: 1311.34, ShowroomID: 'SHOWROOM-1', EmployeeID: 'EMP-100', Credits: [{ CreditID: '2', SKU: 'PILLOW', Amount: 12.34 }] });
  });

  it('never refuses to record over the schema: the sale is recorded and only its IFPOS delivery is held', async () => {
    const dest = createIfposDestination(core);
    expect(await dest.check({ ...returnTx(false), transactionId: 0, attempt: 0 })).toEqual([]);
    const odd = saleTx({ sale: { ...saleTx().sale, lines: [line(' ', 100)] } });
    expect(await dest.check(odd)).toEqual([]);
    expect(await dest.deliver(odd)).toMatchObject({
      kind: 'rejected',
      reason: 'The IFPOS payload does not match the app’s IFPOS payload model: LineItems[0].SKU: must NOT have fewer than 1 characters.',
      action: expect.stringContaining('Report the difference'),
    });
  });

  it('sends the sale’s customer in the payload model, only the fields filled in', async () => {
    const customer = { name: 'Dana Reyes', phone: '+1 555 0100', email: '', address: '12 Oak St, Springfield' };
    expect(await createIfposDestination(core).deliver(saleTx({ customer }))).toMatchObject({ kind: 'delivered' });
    expect(sim.records()[0].payload.Customer).toEqual({ Name: 'Dana Reyes', Phone: '+1 555 0100', Address: '12 Oak St, Springfield' });
  });

  it('retries an OK answer that changed no records a few times, then asks a person what to look for', async () => {
    const dest = createIfposDestination(core);
    sim.answerEmpty(3);
    expect(await dest.deliver(saleTx())).toMatchObject({ kind: 'retry', emptyAnswer: true, reason: expect.stringContaining('AffectedRecords 0, 1 of 3') });
    expect(await dest.deliver(saleTx({ attempt: 2, emptyAnswers: 1 }))).toMatchObject({ kind: 'retry', emptyAnswer: true });
    expect(await dest.deliver(saleTx({ attempt: 3, emptyAnswers: 2 }))).toMatchObject({
      kind: 'uncertain',
      action: 'Look up sale S-1001 in TRAX. If it is there with the amount $1323.68, choose “Mark as delivered”; if it is missing or shows another amount, choose “Resend”.',
    });
  });

  it('flags a modification TRAX took as a new record (AffectedRecords 1): it may now hold two', async () => {
    // The sale itself never reached this TRAX, so the modified sale arrives as a new record.
    const outcome = await createIfposDestination(core).deliver(returnTx(true));
    expect(outcome).toMatchObject({
      kind: 'uncertain',
      reason: expect.stringContaining('may now hold two records'),
      action: expect.stringContaining('It should appear once, for $1311.34 with 1 credit'),
    });
  });

  it.each([1, 2, 3, 4, 5, 6])('decides 401 and 417 from the HTTP status when the body lacks the documented fields (seed %i)', async (seed) => {
    const varied = new IfposSim({ firstCallDelayMs: 0, random: seededRandom(seed) });
    const vcore = await makeTestCore([varied]);
    try {
      await vcore.connections.update('ifpos', false, { showroomId: 'SHOWROOM-9' });
      expect(await createIfposDestination(vcore).deliver(saleTx())).toMatchObject({ kind: 'rejected', action: expect.stringContaining('Fix the ShowroomID / EmployeeID') });
      await vcore.connections.update('ifpos', true, { url: vcore.simHost.url('/ifpos'), showroomId: 'SHOWROOM-1', employeeId: 'EMP-100' });
      await vcore.connections.setSecret('ifpos', 'apiKey', 'revoked-key');
      await vcore.connections.setMode('live');
      expect(await createIfposDestination(vcore).deliver(saleTx())).toMatchObject({ kind: 'rejected', action: expect.stringContaining('Check the IFPOS dealer API key') });
    } finally {
      await vcore.close();
    }
  });

  it('rejects a 417 quoting ErrorDetails and pointing at the dealer settings', async () => {
    await core.connections.update('ifpos', false, { showroomId: 'SHOWROOM-9' });
    const outcome = await createIfposDestination(core).deliver(saleTx());
    expect(outcome).toEqual({
      kind: 'rejected',
      reason: 'TRAX refused the ShowroomID or EmployeeID (Status 417): ShowroomID "SHOWROOM-9" is not one of this dealer\'s showrooms.',
      action: 'Fix the ShowroomID / EmployeeID in Connections → TRAX dealer CRM (IFPOS), then resend.',
    });
  });

  it('rejects a 401 with an action on the key, and follows the enabled flag in live mode', async () => {
    await goLive();
    const dest = createIfposDestination(core);
    expect(await dest.deliver(saleTx())).toMatchObject({ kind: 'delivered' });
    await core.connections.setSecret('ifpos', 'apiKey', 'revoked-key');
    expect(await dest.deliver(saleTx())).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('Status 401'), action: expect.stringContaining('Check the IFPOS dealer API key') });
    await core.connections.update('ifpos', false, { url: core.simHost.url('/ifpos'), showroomId: 'NORTH', employeeId: 'E-7' });
    expect(await dest.isEnabled()).toBe(false);
  });

  it('in live mode needs the dealer settings, both to check and to send', async () => {
    await goLive({ showroomId: '' });
    const dest = createIfposDestination(core);
    expect(await dest.check(saleTx())).toEqual(['Enter the dealer’s ShowroomID in Connections → TRAX dealer CRM (IFPOS).']);
    expect(await dest.deliver(saleTx())).toMatchObject({ kind: 'rejected', action: expect.stringContaining('Complete the settings') });
  });

  it('puts the key in the address with TRAX’s alternative method', async () => {
    await goLive({ keyInUrl: true, url: `${core.simHost.url('/ifpos')}/{apiKey}` });
    expect(await createIfposDestination(core).deliver(saleTx())).toMatchObject({ kind: 'delivered' });
    const settings = { url: 'https://api.example.com/v1/ifpos/{apiKey}', keyInUrl: true, showroomId: '', employeeId: '', minCallSpacingSeconds: '2' };
    expect(postUrl(settings.url, settings, 'a b/c', false)).toBe('https://api.example.com/v1/ifpos/a%20b%2Fc');
    expect(postUrl('http://127.0.0.1:1/ifpos', settings, 'k', true)).toBe('http://127.0.0.1:1/ifpos/k');
    expect(postUrl('https://x/ifpos', { ...settings, keyInUrl: false }, 'k', false)).toBe('https://x/ifpos');
  });

  it('retries after a rate limit, honouring Retry-After', async () => {
    core.simHost.injectFault('ifpos', { kind: 'rate-limit', count: 1, retryAfterSeconds: 20, delayMs: 0 });
    expect(await createIfposDestination(core).deliver(saleTx())).toMatchObject({ kind: 'retry', retryAfterMs: 20_000 });
  });

  it.each(['drop-after-apply', 'server-error', 'html', 'drop'] as const)('retries after %s, since a repeat only replaces the record', async (kind) => {
    const dest = createIfposDestination(core);
    core.simHost.injectFault('ifpos', { kind, count: 1, retryAfterSeconds: 30, delayMs: 0 });
    expect(await dest.deliver(saleTx())).toMatchObject({ kind: 'retry', mayHaveApplied: true });
    const again = await dest.deliver(saleTx({ attempt: 2, previousAttemptUncertain: true }));
    expect(again).toMatchObject({ kind: 'delivered' });
    expect(sim.records()).toHaveLength(1);
  });

  it('validates against a loaded schema file and rejects what it refuses, with an action', async () => {
    const schemas = new IfposSchemaStore(core);
    schemas.load(JSON.stringify({ type: 'object', required: ['StoreNumber'] }), 'IFPOSv1-Schema.json');
    const outcome = await createIfposDestination(core).deliver(saleTx());
    expect(outcome).toMatchObject({
      kind: 'rejected',
      reason: 'The IFPOS payload does not match the loaded IFPOS schema file: the payload: is missing the field "StoreNumber".',
      action: expect.stringContaining('Report the difference'),
    });
    expect(outcome).toMatchObject({ action: expect.not.stringContaining('clear') });
    expect(core.connections.health('ifpos')).toMatchObject({ state: 'failing', message: expect.stringContaining('The IFPOS schema refuses the app’s payload') });
    // The card and the status bar show the mismatch from the schema status.
    expect(schemas.status().mismatch).toEqual(['the payload: is missing the field "StoreNumber"']);
    schemas.clear();
    expect(schemas.status().mismatch).toEqual([]);
    expect(sim.records()).toEqual([]);
  });
});

describe('IFPOS official schema in live mode', () => {
  it('is fetched and cached, and a failed fetch keeps the cached copy and says so', async () => {
    await goLive();
    const schemas = new IfposSchemaStore(core);
    expect(await createIfposDestination(core, schemas).deliver(saleTx())).toMatchObject({ kind: 'delivered' });
    expect(schemas.status()).toMatchObject({ source: 'fetched', title: 'IFPOSv1 official', lastFetch: { ok: true } });
    expect(cdn.calls).toBe(1);
    now += 25 * 60 * 60_000;
    cdn.fail = true;
    await schemas.refreshIfStale();
    expect(schemas.status()).toMatchObject({ source: 'fetched', lastFetch: { ok: false }, summary: expect.stringContaining('The last fetch of the official schema failed') });
    const calls = cdn.calls;
    await schemas.refreshIfStale();
    expect(cdn.calls).toBe(calls);
  });

  it('is never fetched in training mode', async () => {
    await new IfposSchemaStore(core).refreshIfStale();
    await createIfposDestination(core).deliver(saleTx());
    expect(cdn.calls).toBe(0);
  });
});

describe('IFPOS test connection', () => {
  beforeEach(() => core.connections.registerTester('ifpos', ifposTester(core, new IfposSchemaStore(core))));

  it('posts a test sale to the simulator in training mode', async () => {
    expect(await core.connections.test('ifpos')).toMatchObject({ state: 'ok', message: expect.stringMatching(/^The IFPOS simulator accepted a test sale \(AffectedRecords 1 \(new sale\)/) });
    expect(sim.records().map((r) => r.saleId)).toEqual(['CONNECTION-TEST']);
  });

  it('in live mode checks settings, schema and reachability without posting, and says so', async () => {
    await goLive();
    const health = await core.connections.test('ifpos');
    expect(health).toMatchObject({ state: 'ok', message: expect.stringContaining('IFPOS has no read-only call, and a test post would create a sale record in TRAX') });
    expect(sim.records()).toEqual([]);
    await core.connections.update('ifpos', true, { url: `http://127.0.0.1:${await closedPort()}/ifpos`, showroomId: 'NORTH', employeeId: 'E-7' });
    // A new address needs the key entered again.
    await core.connections.setSecret('ifpos', 'apiKey', 'live-dealer-key');
    expect(await core.connections.test('ifpos')).toMatchObject({ state: 'failing', message: expect.stringContaining('refused the connection') });
  });

  it('fails on a dealer the simulator refuses, quoting it', async () => {
    await core.connections.update('ifpos', false, { employeeId: 'EMP-9' });
    expect(await core.connections.test('ifpos')).toMatchObject({ state: 'failing', message: expect.stringContaining('EmployeeID "EMP-9"') });
  });
});
