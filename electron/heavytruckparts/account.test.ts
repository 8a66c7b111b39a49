import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultSchema } from '../../shared/contract/training';
import { refusal, startParts, type PartsHarness } from './test-harness';
import { LIMITED_USER, XML_USER } from './sim';

let h: PartsHarness;
beforeEach(async () => {
  h = await startParts(11);
});
afterEach(() => h.close());

describe('the HeavyTruckParts connection', () => {
  it('refuses a user name with ":" on the card, and stores the password exactly as typed', async () => {
    const e = await refusal(() => h.core.connections.update('heavytruckparts', true, { domain: 'https://api.heavytruckparts.net', username: 'shop:1' }));
    expect(e.details?.join(' ')).toMatch(/cannot contain “:”/);
    await h.core.connections.setSecret('heavytruckparts', 'password', '  pass word  ');
    expect(h.core.secrets.values.get('heavytruckparts:password')).toBe('  pass word  ');
    // Every credential is kept exactly as typed, not only this one.
    await h.core.connections.setSecret('simpleconsign', 'apiKey', '  key  ');
    expect(h.core.secrets.values.get('simpleconsign:apiKey')).toBe('  key  ');
  });

  it('tests the connection with a read, and explains a user set up for XML', async () => {
    expect(await h.core.connections.test('heavytruckparts')).toMatchObject({ state: 'ok', message: expect.stringMatching(/as training; 12 part types/) });
    await h.setUser(XML_USER);
    const health = await h.core.connections.test('heavytruckparts');
    expect(health).toMatchObject({ state: 'failing', message: expect.stringContaining('ask ISoft Data Systems to switch this user to JSON'.replace('ask', 'Ask')) });
    expect(health.message).not.toMatch(/web page/);
  });

  it('says a wrong password is wrong without showing it', async () => {
    h.sim.reset();
    await h.core.connections.setMode('training');
    const sim = h.sim as unknown as { passwords: Set<string> };
    sim.passwords.clear();
    const e = await refusal(() => h.parts.getLists({ refresh: true }));
    expect(e.message).toMatch(/refused the API user or password/);
    expect(e.message).not.toContain('training-heavytruckparts-password');
  });

  it('degrades to a plain message when the API user may not use end users or templates', async () => {
    await h.setUser(LIMITED_USER);
    const lookup = await refusal(() => h.parts.lookupEndUser({ email: 'alex@prairiefreight.example', userId: '' }));
    expect(lookup.code).toBe('forbidden');
    expect(lookup.message).toMatch(/not allowed to use end users/);
    expect(await refusal(() => h.parts.listTemplates({ type: '' }))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/templates/) });
  });
});

describe('end users and templates', () => {
  it('looks a customer up by e-mail or id; none is none', async () => {
    expect((await h.parts.lookupEndUser({ email: 'alex@prairiefreight.example', userId: '' })).user).toMatchObject({ userId: '5001', name: 'Alex Morgan', company: 'Prairie Freight LLC' });
    expect((await h.parts.lookupEndUser({ email: '', userId: '5002' })).user).toMatchObject({ name: 'Jordan Lee' });
    for (let i = 0; i < 4; i++) expect((await h.parts.lookupEndUser({ email: 'nobody@example.com', userId: '' })).user).toBeNull();
    expect(h.requests.every((r) => r.method !== 'HEAD')).toBe(true);
  });

  it('lists templates and their types, assigns one for all types, removes it, refreshes the list', async () => {
    expect((await h.parts.listTemplateTypes({})).types.sort()).toEqual(['availability', 'pricing']);
    expect((await h.parts.listTemplates({ type: 'pricing' })).templates.map((t) => t.name)).toEqual(['Retail', 'Dealer', 'Wholesale']);
    await h.parts.assignTemplate({ type: 'all', userId: '5003', template: 'Dealer' });
    expect((await h.parts.listEndUsers({ refresh: false })).users.find((u) => u.userId === '5003')?.templateName).toBe('Dealer');
    await h.parts.removeTemplate({ type: 'all', userId: '5003' });
    expect((await h.parts.listEndUsers({ refresh: false })).users.find((u) => u.userId === '5003')?.templateName).toBeNull();
    expect((await h.parts.listEndUsers({ refresh: true })).users.find((u) => u.userId === '5003')?.templateName).toBe('Retail');
  });
});

describe('logging calls', () => {
  const call = { kind: 'phone_call' as const, contact: { contact: 'Alex Morgan', company: '', address: '', city: '', state: '', postalCode: '', country: '', phone: '402-555-0100', email: '', preferredContactMethod: 'phone' }, comments: 'Asked about the ISX', item: { vendorId: '101', store: '1', vendorSku: 'T1', label: 'Engine' }, request: null, endUserId: '5001' };

  it('logs once and keeps the vendor’s answer', async () => {
    const logged = await h.parts.logInteraction(call);
    expect(logged).toMatchObject({ state: 'logged', kind: 'phone_call' });
    expect(h.sim.endUsers.logs).toHaveLength(1);
    expect(h.sim.endUsers.logs[0].body).toMatchObject({ contact: { contact: 'Alex Morgan', phone_number: '402-555-0100', preferred_contact_method: 'phone' }, vendor_id: '101', vendor_store_id: '1', comments: 'Asked about the ISX' });
  });

  it('says what HeavyTruckParts answered in words, whichever way it answers, and keeps the raw answer', async () => {
    const seen = new Set<string>();
    for (let i = 1; i <= 12; i++) {
      const logged = await h.parts.logInteraction(call);
      expect(logged.state).toBe('logged');
      expect(logged.answerWords).not.toMatch(/[{}"]/);
      seen.add(logged.answer === 'OK' ? 'text' : Object.keys(JSON.parse(logged.answer!)).sort().join());
      if (logged.answer !== 'OK') expect(logged.answerWords).toMatch(new RegExp(`^Logged, number ${i}\\b`));
      else expect(logged.answerWords).toBe('HeavyTruckParts answered “OK”.');
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('never sends again by itself after a lost answer; the clerk decides', async () => {
    h.core.simHost.injectFault('heavytruckparts', faultSchema.parse({ kind: 'drop-after-apply', count: 1 }));
    const lost = await h.parts.logInteraction(call);
    expect(lost.state).toBe('unknown');
    expect(h.sim.endUsers.logs).toHaveLength(1);
    expect((await h.parts.resolveInteraction({ id: lost.id, action: 'mark-logged' })).state).toBe('logged');
    expect(h.sim.endUsers.logs).toHaveLength(1);
    h.core.simHost.injectFault('heavytruckparts', faultSchema.parse({ kind: 'unavailable', count: 1 }));
    const refused = await h.parts.logInteraction(call);
    expect(refused.state).toBe('failed');
    expect((await h.parts.resolveInteraction({ id: refused.id, action: 'send-again' })).state).toBe('logged');
    expect(h.sim.endUsers.logs).toHaveLength(2);
  });

  it('sends a part request with the contact, the part asked for and the fitment given', async () => {
    await h.parts.logInteraction({ ...call, kind: 'part_request', item: null, request: { partType: 'Hood', make: 'KENWORTH', model: 'T800', year: '2004', vehicle: 'VIN: 1XK\nEngine: C15' } });
    expect(h.sim.endUsers.logs[0]).toMatchObject({ kind: 'part_request', body: { part_type: 'Hood', make: 'KENWORTH', model: 'T800', year: '2004', vehicle: { vin: '1XK', engine: 'C15' } } });
  });
});
