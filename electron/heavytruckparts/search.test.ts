import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchInputSchema, type SearchInputRaw } from '../../shared/heavytruckparts/inputs';
import { pngSize } from '../training/png';
import { refusal, startParts, type PartsHarness } from './test-harness';

let h: PartsHarness;
beforeEach(async () => {
  h = await startParts(7);
});
afterEach(() => h.close());

const search = (s: SearchInputRaw) => h.parts.search(searchInputSchema.parse(s));
const last = () => h.requests[h.requests.length - 1];

describe('parts search against the simulator', () => {
  it('percent-encodes every path segment and sends the filters by their documented names', async () => {
    await search({ partType: 'A/C Compressor', make: 'SANDEN', model: 'SD7H15', yearFrom: 0, yearTo: 2003, zipcode: '68503', distance: 100, keywords: '(isx egr)|(warranty)', sortColumn: 'year', sortOrder: 'descending', resultSize: 50, page: 2 });
    const req = last();
    expect(req.path).toBe('/inventory/search/A%2FC%20Compressor/SANDEN/SD7H15');
    expect(Object.fromEntries(req.query)).toEqual({ year_range: '0,2003', zipcode: '68503', distance: '100', keywords: '(isx egr)|(warranty)', page_number: '2', result_size: '50', sort_column: 'year', sort_order: 'descending' });
    expect(req.headers.authorization).toMatch(/^Basic /);
  });

  it('finds the part by part type, make, model and year range, ordered by price', async () => {
    const page = await search({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', yearFrom: 2013, yearTo: 2015 });
    expect(page.hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of page.hits) {
      expect(hit.partName).toBe('Engine Assembly');
      expect(hit.makeModel).toBe('CUMMINS ISX');
      expect(Number(hit.year)).toBeGreaterThanOrEqual(2013);
      expect(Number(hit.year)).toBeLessThanOrEqual(2015);
    }
    const prices = page.hits.map((x) => x.priceCents!);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(page.hits.find((x) => x.key?.inventoryId === '70001')).toMatchObject({ priceCents: 1250050, corePriceCents: 200000, vendor: { company: 'Midwest Truck Salvage', phone: '402-555-0141' } });
  });

  it('pages by total_pages and shows when result_size was not honoured', async () => {
    const first = await search({ partType: '*', make: '*', model: '*', resultSize: 200 });
    expect(first.hits).toHaveLength(25);
    expect(first.resultSizeIgnored).toBe(true);
    const lastPage = await search({ partType: '*', make: '*', model: '*', page: first.totalPages });
    expect(lastPage.hits.length).toBeGreaterThan(0);
    expect(lastPage.hits.length).toBeLessThanOrEqual(25);
    expect((first.totalPages - 1) * 25 + lastPage.hits.length).toBe(first.totalResults);
    const vendorOnly = await search({ partType: '*', make: '*', model: '*', vendor: '101', resultSize: 200 });
    expect(vendorOnly.resultSizeIgnored).toBe(false);
    expect(vendorOnly.hits.every((x) => x.vendor.vendorId === '101')).toBe(true);
  });

  it('offers suggested part types for a search without one, and follows them only on the API host', async () => {
    const page = await search({ partType: '*', make: 'CUMMINS', model: '*', showSuggested: true });
    expect(page.suggested.length).toBeGreaterThan(1);
    const engine = page.suggested.find((s) => s.partName === 'Engine Assembly')!;
    const drilled = await h.parts.searchSuggested({ uri: engine.uri!, userId: '' });
    expect(drilled.hits.every((x) => x.partName === 'Engine Assembly')).toBe(true);
    const elsewhere = engine.uri!.replace('127.0.0.1', 'localhost');
    const before = h.requests.length;
    expect(await refusal(() => h.parts.searchSuggested({ uri: elsewhere, userId: '' }))).toMatchObject({ code: 'forbidden' });
    expect(h.requests.length).toBe(before);
  });

  it('prices for the attached end user', async () => {
    const retail = await search({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', vendor: '101' });
    const dealer = await search({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', vendor: '101', userId: '5001' });
    const r = retail.hits.find((x) => x.key?.inventoryId === '70001')!;
    const d = dealer.hits.find((x) => x.key?.inventoryId === '70001')!;
    expect(d.priceCents).toBe(r.priceCents! - Math.round(r.priceCents! / 10));
    expect(last().query.get('userid')).toBe('5001');
  });

  it('reads every answer shape the seeds produce the same way', async () => {
    const keys = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const page = await search({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', yearFrom: 2013, yearTo: 2015 });
      keys.add(JSON.stringify(page.hits.map((x) => [x.key, x.priceCents, x.year])));
    }
    expect(keys.size).toBe(1);
  });
});

describe('item details', () => {
  it('shows every field with the HTML description sanitized and pictures fetched as data', async () => {
    const item = await h.parts.getItem({ key: { vendorId: '101', store: '1', inventoryId: '70001' }, userId: '' });
    expect(item).toMatchObject({ partName: 'Engine Assembly', partManufacturer: 'CUMMINS', partModel: 'ISX', year: '2014', priceCents: 1250050, corePriceCents: 200000 });
    expect(item.safeHtmlDescription).toContain('<strong>');
    expect(item.safeHtmlDescription).not.toMatch(/<script|onerror|javascript:|<style/i);
    // Its picture is for the app to fetch; the tracking pixel is gone; its link opens outside the app.
    expect(item.safeHtmlDescription).not.toMatch(/\ssrc=|tracker\.example/);
    const inDescription = /data-picture="([^"]+)"/.exec(item.safeHtmlDescription!)![1].replace(/&amp;/g, '&');
    expect(inDescription).toBe(item.images[0]);
    expect(item.safeHtmlDescription).toContain('<a href="https://www.heavytruckparts.net/" target="_blank" rel="noopener noreferrer">');
    expect(item.qa.length + item.extra.length).toBeGreaterThan(0);
    expect(item.images).toHaveLength(2);
    const { images } = await h.getPictures([...item.images, 'http://127.0.0.1:1/elsewhere.png']);
    expect(images.map((i) => i.url)).toEqual([...item.images, 'http://127.0.0.1:1/elsewhere.png']);
    for (const image of images.slice(0, -1)) expect(pngSize(Buffer.from(image.dataUrl!.replace(/^data:image\/png;base64,/, ''), 'base64'))).toEqual({ width: 240, height: 180 });
    // Pictures on another host never get the API credentials.
    const pictureRequests = h.requests.filter((r) => r.path.startsWith('/images/'));
    expect(pictureRequests).toHaveLength(item.images.length);
    const elsewhere = item.images.filter((u) => u.includes('//localhost')).length;
    expect(pictureRequests.filter((r) => r.headers.authorization === undefined)).toHaveLength(elsewhere);
    // Only addresses from an answer are fetched; one refused picture does not hold up the others.
    expect(images.at(-1)).toMatchObject({ dataUrl: null, problem: expect.stringContaining('not part of a vendor answer') });
  });

  it('lists the other parts from the same whole unit, each opening its own details', async () => {
    const withUnit = h.sim.catalog.items.find((it) => it.vehicleId && h.sim.catalog.items.filter((o) => o.vehicleId === it.vehicleId).length > 1)!;
    const { parts } = await h.parts.getWholeUnit({ vendorId: String(withUnit.vendorId), store: String(withUnit.store), vehicleId: withUnit.vehicleId!, userId: '' });
    expect(parts.length).toBeGreaterThan(1);
    const other = await h.parts.getItem({ uri: parts[1].detailsUri!, userId: '' });
    expect(other.key).toEqual(parts[1].key);
  });
});
