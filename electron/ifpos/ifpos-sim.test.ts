import { simRequest } from '../testing/sim-request';
import { describe, expect, it } from 'vitest';
import { buildIfposPayload } from '../../shared/ifpos/payload';
import type { SimRequest } from '../training/simulator';
import { IfposSim, type IfposSimOptions } from './ifpos-sim';

const KEY = 'training-ifpos-key';

function payload(over: Record<string, unknown> = {}) {
  const base = buildIfposPayload(
    { orderNumber: 'S-1', recordedAt: Date.UTC(2026, 0, 2), lines: [{ sku: 'A1', name: 'Chair', unitPriceCents: 1234, quantity: 1 }], returns: [] },
    { apiKey: KEY, showroomId: 'SHOWROOM-1', employeeId: 'EMP-100' },
  );
  return { ...base, ...over };
}

const request = (body: unknown, over: Partial<SimRequest> = {}) => simRequest(body, { headers: { 'content-type': 'application/json' }, ...over });

function make(opts: IfposSimOptions = {}) {
  let now = Date.UTC(2026, 0, 2, 9);
  const sleeps: number[] = [];
  const sim = new IfposSim({ now: () => now, sleep: async (ms) => void sleeps.push(ms), firstCallDelayMs: 0, ...opts });
  const send = async (body: unknown, over: Partial<SimRequest> = {}) => {
    const res = await sim.handle(request(body, over));
    return { status: res.status, headers: res.headers, body: res.body as { Status: number; ErrorDetails: string[] | null; AffectedRecords: number; ExecMS: number } };
  };
  return { sim, send, sleeps, advance: (ms: number) => (now += ms) };
}

describe('TRAX IFPOS simulator', () => {
  it('records a new sale (AffectedRecords 1), and replaces it when the same sale identifier comes again (2)', async () => {
    const { sim, send } = make();
    const first = await send(payload());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ Status: 200, ErrorDetails: null, AffectedRecords: 1 });
    expect(first.body.ExecMS).toBeGreaterThan(100);
    const again = await send(payload({ SaleAmount: 0, Credits: [{ ...payload().LineItems[0], CreditID: '5', CreditDate: '2026-01-03T10:00:00.000Z' }] }));
    expect(again.body).toMatchObject({ Status: 200, AffectedRecords: 2 });
    expect(await send(payload({ SaleID: 'S-2' }))).toMatchObject({ body: { AffectedRecords: 1 } });
    const records = sim.records();
    expect(records.map((r) => [r.saleId, r.versions])).toEqual([
      ['S-1', 2],
      ['S-2', 1],
    ]);
    expect(records[0].payload.SaleAmount).toBe(0);
    sim.reset();
    expect(sim.records()).toEqual([]);
  });

  it('accepts the key as the last path segment (TRAX’s alternative method)', async () => {
    const { send } = make();
    const { APIKey: _key, ...body } = payload();
    expect((await send({ ...body, APIKey: 'not-this-one' }, { path: `/${KEY}` })).body).toMatchObject({ Status: 200 });
    expect((await send(payload(), { path: '/wrong-key' })).body).toMatchObject({ Status: 401 });
  });

  it('answers 401 for a key it does not know, with the HTTP status mirroring Status', async () => {
    const { send } = make();
    const res = await send(payload({ APIKey: 'unknown' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ Status: 401, ErrorDetails: ['The API key was not successfully validated.'], AffectedRecords: 0 });
  });

  it('answers 417 naming the ShowroomID or EmployeeID that is not the dealer’s', async () => {
    const { sim, send } = make();
    const both = await send(payload({ ShowroomID: 'SHOWROOM-9', EmployeeID: 'EMP-9' }));
    expect(both.status).toBe(417);
    expect(both.body).toMatchObject({
      Status: 417,
      AffectedRecords: 0,
      ErrorDetails: ['ShowroomID "SHOWROOM-9" is not one of this dealer\'s showrooms.', 'EmployeeID "EMP-9" is not one of this dealer\'s employees.'],
    });
    expect((await send(payload({ EmployeeID: 'EMP-9' }))).body.ErrorDetails).toEqual(['EmployeeID "EMP-9" is not one of this dealer\'s employees.']);
    sim.acceptKey('dealer-2', { showroomIds: ['NORTH'], employeeIds: ['EMP-9'] });
    expect((await send(payload({ APIKey: 'dealer-2', ShowroomID: 'NORTH', EmployeeID: 'EMP-9' }))).body.Status).toBe(200);
  });

  it('answers 400 listing every schema problem, 415 for another content type, 405 for other methods', async () => {
    const { send } = make();
    const bad = await send(payload({ SaleAmount: '12.34', LineItems: [] }));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ Status: 400, AffectedRecords: 0, ErrorDetails: ['SaleAmount: must be number', 'LineItems: must NOT have fewer than 1 items'] });
    expect((await send('{"APIKey": ')).body).toMatchObject({ Status: 400, ErrorDetails: ['The body is not a JSON object.'] });
    expect((await send(payload(), { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await send(payload(), { method: 'GET' })).status).toBe(405);
  });

  it('answers 429 with Retry-After when called faster than its rate allows', async () => {
    const { send, advance } = make({ rate: { limit: 2, windowMs: 60_000 } });
    expect((await send(payload())).status).toBe(200);
    advance(10_000);
    expect((await send(payload())).status).toBe(200);
    advance(5_000);
    const limited = await send(payload());
    expect(limited.status).toBe(429);
    expect(limited.headers).toEqual({ 'Retry-After': '45' });
    expect(limited.body).toMatchObject({ Status: 429, AffectedRecords: 0 });
    advance(45_000);
    expect((await send(payload())).status).toBe(200);
  });

  it('makes the first call of each day slow, and only that one', async () => {
    const { send, sleeps, advance } = make({ firstCallDelayMs: 4000 });
    await send(payload());
    await send(payload());
    expect(sleeps).toEqual([4000]);
    advance(24 * 60 * 60_000);
    await send(payload({ APIKey: 'unknown' }));
    await send(payload());
    expect(sleeps).toEqual([4000, 4000]);
  });

  it('defaults to a few seconds for the first call and 30 calls a minute', async () => {
    const sleeps: number[] = [];
    const sim = new IfposSim({ now: () => 0, sleep: async (ms) => void sleeps.push(ms) });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await sim.handle(request(payload()))).status);
    expect(sleeps).toEqual([3000]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses[30]).toBe(429);
  });
});
