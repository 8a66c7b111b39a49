import fs from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { H } from '../../shared/trax-retail/columns';
import { readErrorFile } from './error-file';
import { PNG, startTraxHarness, type TraxHarness } from './fixtures/harness';

let h: TraxHarness;
beforeEach(async () => {
  h = await startTraxHarness();
});
afterEach(() => h.close());

describe('opening a file into the editor', () => {
  it('reads a ZIP with older headers, an unknown header and pictures with non-ASCII names', async () => {
    const zip = new JSZip();
    const csv = ['Product type,Action,Product local name,UOM,Trax Product UUID,Shelf life,1 - Front Image Name/URL', 'SKU,Create,Čaj,ml,,12,Čajová fotka', 'SKU,Update,Tea,g,80eaa39b-2a84-44f3-a8bc-8cac3210bffd,,https://cdn.example.com/t.png'].join('\n');
    zip.file('sheet.csv', csv).file('pics/Čajová fotka.png', PNG).file('__MACOSX/._sheet.csv', 'x');
    const stage = h.stage(await zip.generateAsync({ type: 'nodebuffer' }));
    const { draft, report } = await h.sheets.open(stage, 'tea.zip');
    expect(report).toEqual({
      fileName: 'tea.zip', rowCount: 2, imagesAdded: 1,
      mapping: [{ from: 'UOM', to: 'Measurement unit', reason: 'older' }, { from: 'Trax Product UUID', to: 'Trax product UUID', reason: 'near' }, { from: 'Shelf life', to: 'Shelf life', reason: 'unknown' }],
    });
    expect(draft.model.attributes).toEqual(['UOM', 'Trax Product UUID', 'Shelf life']);
    expect(draft.model.rows[0].cells).toMatchObject({ [H.type]: 'SKU', [H.localName]: 'Čaj', UOM: 'ml', '1 - Front Image Name/URL': 'Cajova_fotka' });
    expect(draft.model.images.Cajova_fotka).toMatchObject({ originalName: 'Čajová fotka.png', kind: 'png', readable: true });
    expect(h.sheets.preview(draft.id, 'Cajova_fotka')).toMatch(/^data:image\/png;base64,/);
    expect(h.sheets.drafts.get(draft.id)?.model.rows).toHaveLength(2);
  });

  it('refuses a ZIP with two sheets and a file of another kind, saying why', async () => {
    const zip = new JSZip();
    zip.file('a.csv', 'Product type\nSKU').file('b.xlsx', 'x');
    await expect(h.sheets.open(h.stage(await zip.generateAsync({ type: 'nodebuffer' })), 'two.zip')).rejects.toMatchObject({ message: 'The ZIP holds 2 sheets; Trax accepts exactly one.' });
    await expect(h.sheets.open(h.stage(Buffer.from('hello')), 'notes.pdf')).rejects.toMatchObject({ message: '“notes.pdf” is not a CSV, Excel (.xlsx) or ZIP file.' });
  });

  it('a picture that is not one, or whose copy went missing, is an error before upload', async () => {
    const d = h.sheets.create('Pictures', ['new-product']);
    const bad = h.sheets.addImage(d.id, h.stage(Buffer.from('%PDF-1.4')), 'leaflet.pdf');
    const good = h.sheets.addImage(d.id, h.stage(PNG), 'leaflet.png');
    expect([bad.name, good.name]).toEqual(['leaflet', 'leaflet_2']);
    const draft = h.sheets.draft(d.id);
    const cells = { ...draft.model.rows[0].cells, [H.localName]: 'x', 'Brand local name': 'x', 'Manufacturer local name': 'x', 'Client category': 'Drinks', '1 - Front Image Name/URL': 'leaflet', '2 - Left Image Name/URL': 'leaflet_2' };
    h.sheets.save(d.id, d.name, { ...draft.model, rows: [{ ...draft.model.rows[0], cells }] });
    fs.rmSync(h.files.image(d.id, good).path);
    expect(h.sheets.check(d.id).map((i) => i.message)).toEqual([
      '1 - Front Image Name/URL: “leaflet.pdf” is not a picture (PNG, JPEG, GIF, WebP, BMP or TIFF).',
      '2 - Left Image Name/URL: the image file “leaflet.png” is missing or cannot be read.',
    ]);
  });
});

describe('error files', () => {
  it('keeps a row it cannot match as the vendor wrote it', () => {
    const written = { headers: [H.type, H.localName], rows: [{ id: 'a', cells: ['SKU', 'Tea'] }] };
    const file = Buffer.from('\uFEFFProduct type\tProduct local name\tError\nSKU\tCoffee\tBrand local name is required\n');
    expect(readErrorFile(file, written).errors).toEqual([{ rowId: null, column: 'Brand local name', message: 'Brand local name is required', cells: { 'Product type': 'SKU', 'Product local name': 'Coffee', Error: 'Brand local name is required' } }]);
  });
});
