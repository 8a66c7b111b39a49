import { describe, expect, it } from 'vitest';
import { H, HEADERS } from './columns';
import { looksLikeHeaderRow, suggestColumn, suggestMapping } from './header-mapping';
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
  it('maps older headers, near misses and a shop’s own names to the current ones', () => {
    expect(suggestColumn('UOM')).toEqual({ to: 'Measurement unit', reason: 'older' });
    expect(suggestColumn('Trax Product UUID')).toEqual({ to: 'Trax product UUID', reason: 'near' });
    expect(suggestColumn('Action')).toBeNull();
    expect(suggestColumn('product TYPE')).toEqual({ to: 'Product type', reason: 'near' });
    expect(suggestColumn('Width (mm)')).toEqual({ to: 'Width mm', reason: 'near' });
    expect(suggestColumn('Barcode')).toEqual({ to: 'EAN code', reason: 'synonym' });
    expect(suggestColumn('Price')).toBeNull();
  });
  it('suggests a place for every column of a shop’s list, never two for one column', () => {
    expect(suggestMapping(['Name', 'EAN', 'Brand', 'Price', 'flavour', 'Product local name'], ['Flavour'], 'leave-out')).toEqual([
      { from: 'Name', to: null, reason: 'unknown' },
      { from: 'EAN', to: 'EAN code', reason: 'older' },
      { from: 'Brand', to: 'Brand local name', reason: 'older' },
      { from: 'Price', to: null, reason: 'unknown' },
      { from: 'flavour', to: 'Flavour', reason: 'attribute' },
    ]);
    expect(suggestMapping(['Name', 'Price'], [], 'keep')).toEqual([
      { from: 'Name', to: 'Product local name', reason: 'synonym' },
      { from: 'Price', to: 'Price', reason: 'unknown' },
    ]);
  });
  it('tells a header line from a line of data', () => {
    expect(looksLikeHeaderRow([['Name', 'EAN', 'Brand', 'Price'], ['Tea', '0012345678905', 'Leaf', '2.50']])).toBe(true);
    expect(looksLikeHeaderRow([['SKU', 'Create', 'Tea'], ['SKU', 'Update', 'Coffee']])).toBe(false);
    expect(looksLikeHeaderRow([['Name', 'EAN']])).toBe(false);
    expect(looksLikeHeaderRow([['Tea', 'Brand', 'x', 'y'], ['a', 'b', 'c', 'd']])).toBe(false);
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
  it('makes unique, flat, ASCII base names, transliterating other scripts', () => {
    expect(asciiBaseName('C:\\pics\\Café crème.JPG')).toBe('Cafe_creme');
    expect(asciiBaseName('Шоколад 🍫 top.png')).toBe('Shokolad_top');
    expect(asciiBaseName('日本.png')).toBe('Ri_Ben');
    expect(asciiBaseName('🍫.png')).toBe('image');
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

describe('length rules count characters (code points)', () => {
  const uuidCell = (v: string) => messages(row({ [H.type]: 'SKU', [H.action]: 'Update', [H.uuid]: v }));
  it('a picture column takes at most 500 characters, address or file name', () => {
    const url = (n: number) => `https://cdn.example.com/${'a'.repeat(n - 'https://cdn.example.com/'.length)}`;
    expect(messages(row({ [H.type]: 'SKU', [H.action]: 'Create', '9 - Bottom Image Name/URL': url(500) }))).toEqual([]);
    expect(messages(row({ [H.type]: 'SKU', [H.action]: 'Create', '9 - Bottom Image Name/URL': url(501) }))).toEqual([
      'error 9 - Bottom Image Name/URL: 9 - Bottom Image Name/URL is at most 500 characters (this has 501).',
    ]);
  });
  it('Trax product UUID has exactly 36 characters: an emoji is one', () => {
    expect(uuidCell(`🍫${'1'.repeat(34)}`)).toEqual(['error Trax product UUID: Trax product UUID has exactly 36 characters (this has 35).']);
    expect(uuidCell(`🍫${'1'.repeat(35)}`)).toEqual(['warning Trax product UUID: Trax product UUID does not look like a UUID (8-4-4-4-12 hexadecimal digits).']);
  });
  it('every String(n) column counts an emoji once, and refuses n + 1', () => {
    for (const spec of COLUMNS.filter((c) => c.kind.type === 'string')) {
      const max = (spec.kind as { max: number }).max;
      expect(cellProblem(spec, '😀'.repeat(max)), spec.header).toBeNull();
      expect(cellProblem(spec, '😀'.repeat(max + 1)), spec.header).toBe(`${spec.header} is at most ${max} characters (this has ${max + 1}).`);
    }
  });
});

describe('attribute columns the project does not know', () => {
  const m = (attributes: string[]) => ({ attributes, rows: [row({ [H.type]: 'SKU', [H.action]: 'Create' })], images: {} });
  it('warn before upload, naming the column; a known one or one spelt another way is told apart', () => {
    const issues = validateSheet(m(['Flavour', 'Shelf life', 'colour']), { knownAttributes: ['Flavour', 'Colour'] });
    expect(issues.map((i) => `${i.severity} ${i.column}: ${i.message}`)).toEqual([
      'warning Shelf life: The attribute column “Shelf life” is not among the project’s known attributes. Trax rejects the whole file when its project does not know a column: remove or rename it, or add it to the known attributes if the project has it.',
      'warning colour: The project writes this attribute column “Colour”; Trax rejects the whole file for “colour”.',
    ]);
  });
  it('say nothing when the known attributes are not given', () => {
    expect(validateSheet(m(['Shelf life']))).toEqual([]);
  });
});
