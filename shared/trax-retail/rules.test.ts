import { describe, expect, it } from 'vitest';
import { H, HEADERS, legacyMapping, nearHeader } from './columns';
import { IncrementalValidator } from './incremental';
import { asciiBaseName, uniqueName } from './image-names';
import { cellProblem, validateRow, validateSheet } from './rules';
import type { SheetModel, SheetRow } from './sheet';
import { COLUMNS } from './columns';

const base = { [H.localName]: 'Cola 0.5', 'Brand local name': 'Cola', 'Manufacturer local name': 'Cola Co', 'Client category': 'Drinks' };
const row = (cells: Record<string, string>, id = 'r1'): SheetRow => ({ id, cells: { ...base, ...cells } });
const model = (rows: SheetRow[], images: SheetModel['images'] = {}): SheetModel => ({ attributes: [], rows, images });
const messages = (r: SheetRow, m = model([r])) => validateRow(r, m).map((i) => `${i.severity} ${i.column}: ${i.message}`);
const spec = (h: string) => COLUMNS.find((c) => c.header === h)!;

describe('documented columns', () => {
  it('keeps the 32 documented headers exactly as written', () => {
    expect(HEADERS).toHaveLength(32);
    expect(HEADERS).toContain('1 - Front Image Name/URL');
    expect(HEADERS).toContain('9 - Bottom Image Name/URL');
    expect(HEADERS).toContain('Alternative Design Name');
  });
  it('maps older headers and near misses to the current ones', () => {
    expect(legacyMapping('UOM')).toBe('Measurement unit');
    expect(legacyMapping('Trax Product UUID')).toBe('Trax product UUID');
    expect(legacyMapping('Action')).toBeUndefined();
    expect(nearHeader('product TYPE')).toBe('Product type');
  });
});

describe('cell rules', () => {
  it.each([
    ['Product type', 'sku', 'Product type must be written “SKU”.'],
    ['Product type', 'Box', 'Product type must be one of SKU, POS, POSM, DVC (not “Box”).'],
    ['Measurement unit', 'x'.repeat(21), 'Measurement unit is at most 20 characters (this has 21).'],
    ['Size', '0,5', 'Size uses a point as decimal mark (0.5).'],
    ['Size', 'big', 'Size must be a number (not “big”).'],
    ['Units', '1.5', 'Units must be a whole number (not “1.5”).'],
    ['Start date', '2024-02-30', 'Start date must be a date written YYYY-MM-DD (not “2024-02-30”).'],
    ['Trax product UUID', 'abc', 'Trax product UUID has exactly 36 characters (this has 3).'],
    ['Product local name', ' ', 'Product local name is mandatory.'],
  ])('%s “%s”', (header, value, message) => {
    expect(cellProblem(spec(header), value)).toBe(message);
  });
  it('accepts good values', () => {
    expect(cellProblem(spec('Size'), '0.33')).toBeNull();
    expect(cellProblem(spec('Start date'), '2024-02-29')).toBeNull();
    expect(cellProblem(spec('EAN code'), '0012345678905')).toBeNull();
  });
});

describe('use cases', () => {
  it('a new product carries no Trax ID', () => {
    expect(messages(row({ [H.type]: 'SKU', [H.action]: 'Create', [H.id]: '12' }))).toEqual(['error Trax product ID: A new product or POSM carries no Trax product ID or UUID.']);
  });
  it('update and deactivate need an ID or UUID; a deactivation should carry a reason', () => {
    expect(messages(row({ [H.type]: 'POSM', [H.action]: 'Update' }))).toEqual(['error Trax product ID: Update needs the Trax product ID or the Trax product UUID of the existing product.']);
    expect(messages(row({ [H.type]: 'SKU', [H.action]: 'Deactivate', [H.uuid]: '80eaa39b-2a84-44f3-a8bc-8cac3210bffd' }))).toEqual(['warning Deactivation reason: A deactivation should carry a reason.']);
  });
  it('a DVC carries its parent and a design name, and should carry dates', () => {
    expect(messages(row({ [H.type]: 'DVC', [H.action]: 'Create' }))).toEqual([
      'error Trax product ID: A DVC carries the Trax product ID or UUID of the product it belongs to.',
      'error Alternative Design Name: A DVC needs an Alternative Design Name.',
      'warning Start date: A new DVC should carry a start date.',
      'warning End date: A new DVC should carry an end date.',
    ]);
    expect(messages(row({ [H.type]: 'DVC', [H.action]: 'Create', [H.id]: '7', [H.design]: 'Xmas', [H.start]: '2024-12-01', [H.end]: '2024-11-01' }))).toEqual(['error End date: End date is before Start date.']);
  });
});

describe('images', () => {
  const img = { id: 'i1', name: 'front', originalName: 'front.png', size: 100, kind: 'png' as const, readable: true };
  it('accepts a public https address or a local file name in the sheet', () => {
    expect(messages(row({ [H.type]: 'SKU', [H.action]: 'Create', '1 - Front Image Name/URL': 'https://cdn.example.com/a.png', '2 - Left Image Name/URL': 'front' }), model([], { front: img }))).toEqual([]);
  });
  it('refuses plain http, unknown names, non-pictures and warns on very large ones', () => {
    const r = row({ [H.type]: 'SKU', [H.action]: 'Create', '1 - Front Image Name/URL': 'http://x.com/a.png', '2 - Left Image Name/URL': 'nope', '3 - Top Image Name/URL': 'doc', '7 - Back Image Name/URL': 'big' });
    const m = model([r], { doc: { ...img, name: 'doc', originalName: 'doc.pdf', kind: null }, big: { ...img, name: 'big', size: 20 * 1024 * 1024 } });
    expect(validateRow(r, m).map((i) => i.severity + ' ' + i.column)).toEqual([
      'error 1 - Front Image Name/URL',
      'error 2 - Left Image Name/URL',
      'error 3 - Top Image Name/URL',
      'warning 7 - Back Image Name/URL',
    ]);
  });
  it('makes unique, flat, ASCII base names', () => {
    expect(asciiBaseName('C:\\pics\\Café crème.JPG')).toBe('Cafe_creme');
    expect(asciiBaseName('日本.png')).toBe('image');
    expect(uniqueName('front', ['FRONT', 'front_2'])).toBe('front_3');
  });
});

describe('sheet level and incremental validation', () => {
  it('an attribute may not reuse a documented header; an empty sheet is an error', () => {
    expect(validateSheet({ attributes: ['Size', 'Flavour', 'flavour'], rows: [], images: {} }).map((i) => i.message)).toEqual([
      '“Size” is already a documented column; an additional attribute needs another name.',
      'The attribute column “Flavour” appears twice.'.replace('Flavour', 'flavour'),
      'The sheet has no rows yet.',
    ]);
  });
  it('re-checks only changed rows and gives the same answer as a full check', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row({ [H.type]: 'SKU', [H.action]: i % 2 ? 'Update' : 'Create' }, `r${i}`));
    const v = new IncrementalValidator();
    const m1 = model(rows);
    expect(v.run(m1).errors).toBe(25);
    const rows2 = [...rows];
    rows2[1] = { ...rows[1], cells: { ...rows[1].cells, [H.id]: '42' } };
    const state = v.run({ ...m1, rows: rows2 });
    expect(state.errors).toBe(24);
    expect(state.errors).toBe(validateSheet({ ...m1, rows: rows2 }).filter((i) => i.severity === 'error').length);
  });
});
