import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedConnection } from '../connections/connections-service';
import { checkUpload } from './sim-file-check';
import { trainingProject } from './trax-sim';
import { traxTester } from './trax-tester';
import { startTraxHarness, type TraxHarness } from './fixtures/harness';

let h: TraxHarness;
beforeEach(async () => {
  h = await startTraxHarness();
});
afterEach(() => h.close());

const conn = (token: string, project = 'acme'): ResolvedConnection => ({
  id: 'trax-retail', training: false, enabled: true, settings: { host: h.core.simHost.url('/trax-retail'), project }, secrets: { authToken: token },
});

describe('Trax Retail auth, as the vendor pages list it', () => {
  it('explains each refusal and passes a good token', async () => {
    const test = traxTester(h.core.http);
    h.sim.acceptKey('good-token');
    h.sim.acceptKey('other-project-token', 'other');
    expect(await test(conn('good-token'))).toEqual({ ok: true, message: 'Trax Retail accepted the auth token for project “acme”.' });
    expect((await test(conn('wrong-token'))).message).toBe('Trax Retail refused the auth token (“the API key is invalid”). Tokens are per project and expire after 12 months: check the token under Connections, or ask Trax for a new one.');
    expect((await test(conn('bad token!'))).message).toBe('Trax Retail says the auth token is malformed (“invalid token”). Paste the whole token again under Connections.');
    expect((await test(conn('expired-token'))).message).toMatch(/^Trax Retail refused the auth token \(“the API key has expired”\)/);
    expect((await test(conn('other-project-token'))).message).toMatch(/^The auth token does not give access to this resource of project “acme”/);
    expect((await test(conn(''))).message).toBe('Enter the Trax Retail project auth token under Connections.');
    expect((await test(conn('good-token', ''))).message).toBe('Enter the Trax Retail project name under Connections.');
  });

  it('answers 401 without the header', async () => {
    const res = await fetch(`${h.core.simHost.url('/trax-retail')}/api/v4/acme/products/import/suggestions/details/1`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ description: 'missing Authorization:Auth-Token header value' });
  });
});

describe('the simulator’s file rules', () => {
  const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'));
  const header = 'Product type;Action;Product local name;Brand local name;Manufacturer local name;Client category;1 - Front Image Name/URL';
  it('needs ";" in CSV, exactly one sheet per ZIP and every named picture in it', async () => {
    expect(await checkUpload('a.csv', csv([header.replace(/;/g, ','), 'SKU,Create,a,b,c,Drinks,']), trainingProject)).toMatchObject({ ok: false, message: expect.stringMatching(/^Column header not recognised: Product type,Action/) });
    const two = new JSZip();
    two.file('a.csv', csv([header])).file('b.csv', csv([header]));
    expect(await checkUpload('x.zip', await two.generateAsync({ type: 'nodebuffer' }), trainingProject)).toEqual({ ok: false, message: 'The ZIP file must contain exactly 1 Excel or CSV file (found 2)' });
    const one = new JSZip();
    one.file('a.csv', csv([header, 'SKU;Create;a;b;c;Drinks;front', 'SKU;Create;a;b;c;Drinks;back'])).file('front.jpg', 'x');
    const verdict = await checkUpload('x.zip', await one.generateAsync({ type: 'nodebuffer' }), trainingProject);
    expect(verdict.ok && [...verdict.rowErrors]).toEqual([[1, ['Image "back" not found in ZIP']]]);
  });
});
